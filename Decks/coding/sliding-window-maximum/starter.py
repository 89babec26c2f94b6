class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        return []
