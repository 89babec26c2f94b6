class Solution {
public:
    // Plausible but wrong (too slow): it tries every include/exclude choice without memoising
    // (index, remaining); when no split exists it visits about 2^n subsets.
    bool canPartition(vector<int>& nums) {
        int total = accumulate(nums.begin(), nums.end(), 0);
        if (total % 2) return false;
        return reach(nums, 0, total / 2);
    }

private:
    bool reach(const vector<int>& nums, size_t i, int remaining) {
        if (remaining == 0) return true;
        if (i == nums.size() || remaining < 0) return false;
        return reach(nums, i + 1, remaining - nums[i]) || reach(nums, i + 1, remaining);
    }
};
