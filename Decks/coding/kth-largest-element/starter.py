class Solution:
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return 0
