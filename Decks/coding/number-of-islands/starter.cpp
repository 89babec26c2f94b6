class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        return 0;
    }
};
