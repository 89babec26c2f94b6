class Solution {
public:
    int orangesRotting(vector<vector<int>>& grid) {
        return 0;
    }
};
