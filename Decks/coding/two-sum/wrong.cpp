class Solution {
public:
    // Plausible but wrong: sorts the numbers for a two-pointer scan and returns indices into the
    // sorted copy, not into the original array.
    vector<int> twoSum(vector<int>& nums, int target) {
        vector<int> sorted = nums;
        sort(sorted.begin(), sorted.end());
        int i = 0, j = (int)sorted.size() - 1;
        while (i < j) {
            long long sum = (long long)sorted[i] + sorted[j];
            if (sum == target) return {i, j};
            if (sum < target) ++i; else --j;
        }
        return {};
    }
};
