class Solution {
public:
    // Plausible but wrong (too slow): the right recurrence without memoisation recomputes the same
    // suffixes again and again; the calls grow like Fibonacci numbers, far too many at 100 houses.
    int rob(vector<int>& nums) { return best(nums, 0); }

private:
    int best(const vector<int>& nums, size_t i) {
        if (i >= nums.size()) return 0;
        return max(best(nums, i + 1), nums[i] + best(nums, i + 2));
    }
};
