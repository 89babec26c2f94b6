class Solution:
    # Plausible but wrong: a greedy that puts each number, largest first, into the lighter half;
    # [3,3,2,2,2] splits as 3+3 and 2+2+2, but the greedy ends with 7 and 5.
    def canPartition(self, nums: List[int]) -> bool:
        left = right = 0
        for x in sorted(nums, reverse=True):
            if left <= right:
                left += x
            else:
                right += x
        return left == right
