class Solution:
    # Plausible but wrong: the current value is stored before the complement is looked up,
    # so x + x == target pairs an element with itself.
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            seen[x] = i
            if target - x in seen:
                return [seen[target - x], i]
        return []
