class Solution {
public:
    string replaceWords(vector<string>& dictionary, string sentence) {
        return "";
    }
};
