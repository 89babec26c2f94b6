class Solution {
public:
    int findCircleNum(vector<vector<int>>& isConnected) {
        return 0;
    }
};
