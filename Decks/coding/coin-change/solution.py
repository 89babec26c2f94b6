class Solution:
    # Idea: bottom-up DP, dp[a] = 1 + min(dp[a - c]) over coins c <= a; amount + 1 stands for "impossible". O(amount * len(coins)) time, O(amount) space.
    def coinChange(self, coins: List[int], amount: int) -> int:
        impossible = amount + 1
        dp = [0] + [impossible] * amount
        for a in range(1, amount + 1):
            for c in coins:
                if c <= a and dp[a - c] + 1 < dp[a]:
                    dp[a] = dp[a - c] + 1
        return dp[amount] if dp[amount] != impossible else -1
