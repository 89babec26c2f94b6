class Solution {
public:
    string minWindow(string s, string t) {
        return "";
    }
};
