class Solution {
public:
    // Idea: count from the right: ways[i] decodes s[i..]; a '0' starts nothing, otherwise take one digit,
    // and two when they form 10..26. O(n) time and space.
    int numDecodings(string s) {
        int n = s.size();
        vector<long long> ways(n + 2, 0);
        ways[n] = 1;
        for (int i = n - 1; i >= 0; --i) {
            if (s[i] == '0') continue;
            ways[i] = ways[i + 1];
            if (i + 1 < n && (s[i] - '0') * 10 + (s[i + 1] - '0') <= 26) ways[i] += ways[i + 2];
        }
        return ways[0];
    }
};
