class Solution:
    # Idea: binary search against the right end; if nums[mid] > nums[hi] the drop (and the minimum)
    # lies right of mid, otherwise at mid or left of it. O(log n) time, O(1) space.
    def findMin(self, nums: List[int]) -> int:
        lo, hi = 0, len(nums) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] > nums[hi]:
                lo = mid + 1
            else:
                hi = mid
        return nums[lo]
