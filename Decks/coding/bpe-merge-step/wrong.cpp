class Solution {
public:
    // Plausible but wrong: joins all the tokens into one string and replaces a + b there, which
    // also merges across token boundaries and cannot split the result back into tokens.
    vector<string> bpeMerge(vector<string>& tokens, vector<string>& pair) {
        vector<string> merged;
        size_t i = 0;
        while (i < tokens.size()) {
            string joined = tokens[i] + (i + 1 < tokens.size() ? tokens[i + 1] : "");
            if (joined == pair[0] + pair[1]) {
                merged.push_back(joined);
                i += 2;
            } else {
                merged.push_back(tokens[i]);
                i += 1;
            }
        }
        return merged;
    }
};
