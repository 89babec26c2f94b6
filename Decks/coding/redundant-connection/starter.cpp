class Solution {
public:
    vector<int> findRedundantConnection(vector<vector<int>>& edges) {
        return {};
    }
};
