class Solution {
public:
    // Plausible but wrong: only inserts and deletes are counted (m + n - 2 * LCS), so a
    // replacement costs two edits instead of one.
    int minDistance(string word1, string word2) {
        int n = (int)word2.size();
        vector<int> prev(n + 1, 0), cur(n + 1, 0);
        for (char x : word1) {
            for (int j = 1; j <= n; ++j)
                cur[j] = x == word2[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1]);
            swap(prev, cur);
        }
        return (int)word1.size() + n - 2 * prev[n];
    }
};
