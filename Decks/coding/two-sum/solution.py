class Solution:
    # Idea: one pass with a hash map value -> index; look up the complement before storing the current value. O(n) time, O(n) space.
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            j = seen.get(target - x)
            if j is not None:
                return [j, i]
            seen[x] = i
        return []
