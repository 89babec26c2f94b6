class Solution:
    # Plausible but wrong: moves the taller wall instead of the shorter one, skipping the best pair.
    def maxArea(self, height: List[int]) -> int:
        left, right = 0, len(height) - 1
        best = 0
        while left < right:
            best = max(best, min(height[left], height[right]) * (right - left))
            if height[left] > height[right]:
                left += 1
            else:
                right -= 1
        return best
