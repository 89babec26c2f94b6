class Solution {
public:
    // Idea: a trie of the roots (nodes in a vector, 26 child indices each); walk each word down it and stop
    // at the first root end, the shortest root. O(total length of roots + sentence).
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
            }
            isEnd[node] = true;
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
