class Solution:
    # Idea: start from the empty set; each number doubles the list by extending every subset so far. O(n * 2^n).
    def subsets(self, nums: List[int]) -> List[List[int]]:
        result = [[]]
        for x in nums:
            result += [subset + [x] for subset in result]
        return result
