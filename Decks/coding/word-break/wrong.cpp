class Solution {
public:
    // Plausible but wrong: greedy; always takes the longest word that matches at the current
    // position and never backs up, so "cars" with ["car", "ca", "rs"] fails.
    bool wordBreak(string s, vector<string>& wordDict) {
        vector<string> words = wordDict;
        sort(words.begin(), words.end(), [](const string& a, const string& b) { return a.size() > b.size(); });
        size_t i = 0;
        while (i < s.size()) {
            bool matched = false;
            for (const auto& w : words) {
                if (s.compare(i, w.size(), w) == 0) {
                    i += w.size();
                    matched = true;
                    break;
                }
            }
            if (!matched) return false;
        }
        return true;
    }
};
