class Solution {
public:
    vector<vector<int>> subsets(vector<int>& nums) {
        return {};
    }
};
