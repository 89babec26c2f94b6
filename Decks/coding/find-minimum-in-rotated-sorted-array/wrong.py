class Solution:
    # Plausible but wrong: mid is compared with the left end instead of the right one; a sorted
    # left part does not say where the minimum is (an unrotated array walks off to its maximum).
    def findMin(self, nums: List[int]) -> int:
        lo, hi = 0, len(nums) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] >= nums[lo]:
                lo = mid + 1
            else:
                hi = mid
        return nums[lo]
