class Solution {
public:
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        return {};
    }
};
