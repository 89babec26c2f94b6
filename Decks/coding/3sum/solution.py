class Solution:
    # Idea: sort, fix the smallest element, then close two pointers on the rest; skipping equal
    # neighbours at every level keeps each triplet once. O(n^2) time, O(1) extra besides the output.
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums)
        n = len(nums)
        out = []
        for i in range(n - 2):
            a = nums[i]
            if a > 0:
                break
            if i > 0 and a == nums[i - 1]:
                continue
            lo, hi = i + 1, n - 1
            while lo < hi:
                s = a + nums[lo] + nums[hi]
                if s < 0:
                    lo += 1
                elif s > 0:
                    hi -= 1
                else:
                    out.append([a, nums[lo], nums[hi]])
                    lo += 1
                    hi -= 1
                    while lo < hi and nums[lo] == nums[lo - 1]:
                        lo += 1
        return out
