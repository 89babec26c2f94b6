class Solution {
public:
    int numDecodings(string s) {
        return 0;
    }
};
