class Solution {
    // Plausible but wrong: dp[1] is set to nums[1] instead of max(nums[0], nums[1]), which forgets that
    // robbing only the first house may be better after two houses.
    func rob(_ nums: [Int]) -> Int {
        if nums.count == 1 { return nums[0] }
        var dp = [Int](repeating: 0, count: nums.count)
        dp[0] = nums[0]
        dp[1] = nums[1]
        for i in 2..<nums.count {
            dp[i] = max(dp[i - 1], dp[i - 2] + nums[i])
        }
        return dp[nums.count - 1]
    }
}
