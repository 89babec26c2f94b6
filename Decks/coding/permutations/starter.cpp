class Solution {
public:
    vector<vector<int>> permute(vector<int>& nums) {
        return {};
    }
};
