class Solution {
public:
    // Idea: dp[i] says whether s[0, i) splits into words; dp[i] holds if some word ends at i and dp
    // holds where it starts. O(n * L) checks, L = longest word.
    bool wordBreak(string s, vector<string>& wordDict) {
        unordered_set<string> words(wordDict.begin(), wordDict.end());
        set<int> lengths;
        for (const auto& w : wordDict) lengths.insert((int)w.size());
        int n = (int)s.size();
        vector<bool> dp(n + 1, false);
        dp[0] = true;
        for (int i = 1; i <= n; ++i) {
            for (int len : lengths) {
                if (len > i) break;
                if (dp[i - len] && words.count(s.substr(i - len, len))) {
                    dp[i] = true;
                    break;
                }
            }
        }
        return dp[n];
    }
};
