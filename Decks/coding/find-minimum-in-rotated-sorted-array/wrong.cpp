class Solution {
public:
    // Plausible but wrong: mid is compared with the left end instead of the right one; a sorted
    // left part does not say where the minimum is (an unrotated array walks off to its maximum).
    int findMin(vector<int>& nums) {
        int lo = 0, hi = (int)nums.size() - 1;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (nums[mid] >= nums[lo]) lo = mid + 1;
            else hi = mid;
        }
        return nums[lo];
    }
};
