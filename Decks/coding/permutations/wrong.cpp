class Solution {
public:
    // Plausible but wrong: next_permutation is started from the input order instead of the sorted
    // order, so it stops at the last permutation and misses the ones before the input.
    vector<vector<int>> permute(vector<int>& nums) {
        vector<int> current = nums;
        vector<vector<int>> result;
        do {
            result.push_back(current);
        } while (next_permutation(current.begin(), current.end()));
        return result;
    }
};
