class Solution {
public:
    // Plausible but wrong: on a repeat it restarts the window at the repeated character, dropping
    // the characters between the two occurrences.
    int lengthOfLongestSubstring(string s) {
        array<int, 256> last;
        last.fill(-1);
        int left = 0, best = 0;
        for (int right = 0; right < (int)s.size(); ++right) {
            unsigned char ch = s[right];
            if (last[ch] >= left) left = right;
            last[ch] = right;
            best = max(best, right - left + 1);
        }
        return best;
    }
};
