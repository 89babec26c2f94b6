class Solution {
public:
    // Idea: bottom-up DP, dp[a] = 1 + min(dp[a - c]) over coins c <= a; amount + 1 stands for "impossible". O(amount * coins.size()) time, O(amount) space.
    int coinChange(vector<int>& coins, int amount) {
        const int impossible = amount + 1;
        vector<int> dp(amount + 1, impossible);
        dp[0] = 0;
        for (int a = 1; a <= amount; ++a) {
            for (int c : coins) {
                if (c <= a) dp[a] = min(dp[a], dp[a - c] + 1);  // c <= a also avoids overflow for huge coins
            }
        }
        return dp[amount] == impossible ? -1 : dp[amount];
    }
};
