class Solution {
public:
    // Idea: sliding window; grow the right end until every needed character is covered (counted
    // with multiplicity), then shrink the left end while it stays covered. O(m + n) time.
    string minWindow(string s, string t) {
        int need[128] = {0};
        for (char c : t) ++need[(unsigned char)c];
        int missing = (int)t.size();
        int bestStart = 0, bestLen = INT_MAX, left = 0;
        for (int right = 0; right < (int)s.size(); ++right) {
            if (need[(unsigned char)s[right]]-- > 0) --missing;
            while (missing == 0) {
                if (right - left + 1 < bestLen) {
                    bestStart = left;
                    bestLen = right - left + 1;
                }
                if (++need[(unsigned char)s[left]] > 0) ++missing;
                ++left;
            }
        }
        return bestLen == INT_MAX ? "" : s.substr(bestStart, bestLen);
    }
};
