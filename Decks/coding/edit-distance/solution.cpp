class Solution {
public:
    // Idea: dp[i][j] = edits turning word1[0, i) into word2[0, j); the last step is a match/replace
    // (diagonal), a delete (up) or an insert (left). O(m * n) time, O(n) space.
    int minDistance(string word1, string word2) {
        int m = (int)word1.size(), n = (int)word2.size();
        vector<int> prev(n + 1), cur(n + 1);
        for (int j = 0; j <= n; ++j) prev[j] = j;
        for (int i = 1; i <= m; ++i) {
            cur[0] = i;
            for (int j = 1; j <= n; ++j) {
                if (word1[i - 1] == word2[j - 1]) cur[j] = prev[j - 1];
                else cur[j] = 1 + min({prev[j - 1], prev[j], cur[j - 1]});
            }
            swap(prev, cur);
        }
        return prev[n];
    }
};
