class Solution {
public:
    // Idea: binary search against the right end; if nums[mid] > nums[hi] the drop (and the minimum)
    // lies right of mid, otherwise at mid or left of it. O(log n) time, O(1) space.
    int findMin(vector<int>& nums) {
        int lo = 0, hi = (int)nums.size() - 1;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (nums[mid] > nums[hi]) lo = mid + 1;
            else hi = mid;
        }
        return nums[lo];
    }
};
