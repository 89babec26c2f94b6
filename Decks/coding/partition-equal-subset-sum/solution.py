class Solution:
    # Idea: 0/1 knapsack on a bit set: bit s of `reachable` says some subset sums to s; adding x ORs in
    # the set shifted by x. O(n * sum) bit operations, done a machine word at a time.
    def canPartition(self, nums: List[int]) -> bool:
        total = sum(nums)
        if total % 2:
            return False
        reachable = 1
        for x in nums:
            reachable |= reachable << x
        return bool(reachable >> (total // 2) & 1)
