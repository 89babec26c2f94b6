class Solution {
    func lengthOfLIS(_ nums: [Int]) -> Int {
        return 0
    }
}
