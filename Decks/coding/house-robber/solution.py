class Solution:
    # Idea: DP with two running values: the best total up to the previous house and up to the one before.
    # O(n) time, O(1) space.
    def rob(self, nums: List[int]) -> int:
        before_prev, prev = 0, 0
        for x in nums:
            before_prev, prev = prev, max(prev, before_prev + x)
        return prev
