class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        return -1
