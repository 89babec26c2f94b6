class Solution {
    // Idea: bottom-up DP, dp[a] = 1 + min(dp[a - c]) over coins c <= a; amount + 1 stands for "impossible". O(amount * coins.count) time, O(amount) space.
    func coinChange(_ coins: [Int], _ amount: Int) -> Int {
        let impossible = amount + 1
        var dp = [Int](repeating: impossible, count: amount + 1)
        dp[0] = 0
        if amount > 0 {
            for a in 1...amount {
                for c in coins where c <= a {
                    dp[a] = min(dp[a], dp[a - c] + 1)
                }
            }
        }
        return dp[amount] == impossible ? -1 : dp[amount]
    }
}
