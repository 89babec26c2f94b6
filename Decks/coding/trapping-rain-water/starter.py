class Solution:
    def trap(self, height: List[int]) -> int:
        return 0
