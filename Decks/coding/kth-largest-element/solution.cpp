class Solution {
public:
    // Idea: quickselect with a random pivot and a three-way partition (Dutch national flag), so runs
    // of equal values cannot make it quadratic. O(n) expected time, O(1) extra space.
    int findKthLargest(vector<int>& nums, int k) {
        mt19937 rng(12345);
        int lo = 0, hi = (int)nums.size() - 1, target = k - 1;  // index in descending order
        while (true) {
            int pivot = nums[lo + (int)(rng() % (unsigned)(hi - lo + 1))];
            // After the pass: [lo, gt) > pivot, [gt, i) == pivot, (lt, hi] < pivot.
            int gt = lo, i = lo, lt = hi;
            while (i <= lt) {
                if (nums[i] > pivot) swap(nums[i++], nums[gt++]);
                else if (nums[i] < pivot) swap(nums[i], nums[lt--]);
                else ++i;
            }
            if (target < gt) hi = gt - 1;
            else if (target <= lt) return pivot;
            else lo = lt + 1;
        }
    }
};
