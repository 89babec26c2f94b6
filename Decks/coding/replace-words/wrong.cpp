class Solution {
public:
    // Plausible but wrong: the end mark is set inside the insertion loop, on every node of the path,
    // so every prefix of a root ("c", "ca" of "cat") is treated as a root too.
    string replaceWords(vector<string>& dictionary, string sentence) {
        vector<array<int, 26>> children(1);
        children[0].fill(-1);
        vector<bool> isEnd(1, false);
        for (const string& root : dictionary) {
            int node = 0;
            for (char ch : root) {
                int c = ch - 'a';
                if (children[node][c] < 0) {
                    children[node][c] = children.size();
                    children.emplace_back();
                    children.back().fill(-1);
                    isEnd.push_back(false);
                }
                node = children[node][c];
                isEnd[node] = true;
            }
        }
        string result;
        istringstream words(sentence);
        string word;
        while (words >> word) {
            if (!result.empty()) result += ' ';
            int node = 0;
            size_t length = 0;
            bool replaced = false;
            for (char ch : word) {
                node = children[node][ch - 'a'];
                if (node < 0) break;
                ++length;
                if (isEnd[node]) {
                    replaced = true;
                    break;
                }
            }
            result += replaced ? word.substr(0, length) : word;
        }
        return result;
    }
};
