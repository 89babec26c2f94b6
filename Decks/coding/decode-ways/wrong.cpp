class Solution {
public:
    // Plausible but wrong (too slow): the right recursion without memoisation; on a long run of 1s and 2s
    // the calls grow like Fibonacci numbers.
    int numDecodings(string s) { return count(s, 0); }

private:
    int count(const string& s, size_t i) {
        if (i == s.size()) return 1;
        if (s[i] == '0') return 0;
        int ways = count(s, i + 1);
        if (i + 1 < s.size() && (s[i] - '0') * 10 + (s[i + 1] - '0') <= 26) ways += count(s, i + 2);
        return ways;
    }
};
