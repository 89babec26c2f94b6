class Solution {
    // Plausible but wrong: the longest run of consecutive increasing elements (a substring, not a
    // subsequence).
    func lengthOfLIS(_ nums: [Int]) -> Int {
        var best = 0
        var run = 0
        for (i, x) in nums.enumerated() {
            run = i > 0 && nums[i - 1] < x ? run + 1 : 1
            best = max(best, run)
        }
        return best
    }
}
