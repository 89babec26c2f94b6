class Solution {
public:
    // Idea: one left-to-right scan; on a match emit a + b and skip both tokens, otherwise copy one token. O(n) time.
    vector<string> bpeMerge(vector<string>& tokens, vector<string>& pair) {
        const string& a = pair[0];
        const string& b = pair[1];
        vector<string> merged;
        size_t i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && tokens[i] == a && tokens[i + 1] == b) {
                merged.push_back(a + b);
                i += 2;
            } else {
                merged.push_back(tokens[i]);
                i += 1;
            }
        }
        return merged;
    }
};
