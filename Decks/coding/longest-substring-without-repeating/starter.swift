class Solution {
    func lengthOfLongestSubstring(_ s: String) -> Int {
        return 0
    }
}
