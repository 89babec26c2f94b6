class Solution {
public:
    // Plausible but wrong: t is treated as a set of characters, so a window holding one "a" is
    // taken to cover t = "aa".
    string minWindow(string s, string t) {
        set<char> need(t.begin(), t.end());
        map<char, int> have;
        string best;
        int left = 0;
        auto covered = [&] {
            for (char c : need)
                if (have[c] == 0) return false;
            return true;
        };
        for (int right = 0; right < (int)s.size(); ++right) {
            ++have[s[right]];
            while (covered()) {
                if (best.empty() || right - left + 1 < (int)best.size()) best = s.substr(left, right - left + 1);
                --have[s[left]];
                ++left;
            }
        }
        return best;
    }
};
