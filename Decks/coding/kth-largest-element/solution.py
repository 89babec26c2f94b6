class Solution:
    # Idea: quickselect with a random pivot and a three-way split (greater / equal / less), so runs
    # of equal values cannot make it quadratic. O(n) expected time, O(n) space.
    def findKthLargest(self, nums: List[int], k: int) -> int:
        import random

        while True:
            pivot = random.choice(nums)
            greater = [x for x in nums if x > pivot]
            if k <= len(greater):
                nums = greater
                continue
            equal = sum(1 for x in nums if x == pivot)
            if k <= len(greater) + equal:
                return pivot
            k -= len(greater) + equal
            nums = [x for x in nums if x < pivot]
