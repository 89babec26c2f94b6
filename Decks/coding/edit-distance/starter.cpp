class Solution {
public:
    int minDistance(string word1, string word2) {
        return 0;
    }
};
