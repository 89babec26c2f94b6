class Solution {
public:
    // Plausible but wrong: the loop stops one mask early, so the full set (all bits set) is missing.
    vector<vector<int>> subsets(vector<int>& nums) {
        int n = nums.size();
        vector<vector<int>> result;
        for (int mask = 0; mask < (1 << n) - 1; ++mask) {
            vector<int> subset;
            for (int i = 0; i < n; ++i) {
                if (mask & (1 << i)) subset.push_back(nums[i]);
            }
            result.push_back(subset);
        }
        return result;
    }
};
