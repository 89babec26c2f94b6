class Solution {
public:
    // Plausible but wrong: "impossible" is marked with INT_MAX, and INT_MAX + 1 overflows to a
    // negative count that then wins every min.
    int coinChange(vector<int>& coins, int amount) {
        vector<long long> dp(amount + 1, INT_MAX);
        dp[0] = 0;
        for (int a = 1; a <= amount; ++a) {
            for (int c : coins) {
                if (c <= a) dp[a] = min(dp[a], (long long)(int)(dp[a - c] + 1));
            }
        }
        return dp[amount] >= INT_MAX ? -1 : (int)dp[amount];
    }
};
