class Solution:
    def findMin(self, nums: List[int]) -> int:
        return 0
