class Solution {
    // Idea: DP with two running values: the best total when the last house is robbed and when it is not.
    // O(n) time, O(1) space.
    func rob(_ nums: [Int]) -> Int {
        var robbed = 0
        var skipped = 0
        for x in nums {
            (robbed, skipped) = (skipped + x, max(robbed, skipped))
        }
        return max(robbed, skipped)
    }
}
