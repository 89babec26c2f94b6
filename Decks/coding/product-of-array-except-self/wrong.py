from math import prod


class Solution:
    # Plausible but wrong: divides the total product by each element, which breaks on a zero
    # (division by zero) and is what the statement rules out.
    def productExceptSelf(self, nums: List[int]) -> List[int]:
        total = prod(nums)
        return [total // x for x in nums]
