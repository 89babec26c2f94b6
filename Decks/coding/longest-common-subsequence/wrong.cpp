class Solution {
public:
    // Plausible but wrong: on a mismatch it copies the diagonal dp[i-1][j-1] instead of the larger of
    // dp[i-1][j] and dp[i][j-1], so matches found with one string's extra character are lost.
    int longestCommonSubsequence(string text1, string text2) {
        int m = text1.size(), n = text2.size();
        vector<vector<int>> dp(m + 1, vector<int>(n + 1, 0));
        for (int i = 1; i <= m; ++i) {
            for (int j = 1; j <= n; ++j) {
                dp[i][j] = text1[i - 1] == text2[j - 1] ? dp[i - 1][j - 1] + 1 : dp[i - 1][j - 1];
            }
        }
        return dp[m][n];
    }
};
