class Solution {
    func wordBreak(_ s: String, _ wordDict: [String]) -> Bool {
        return false
    }
}
