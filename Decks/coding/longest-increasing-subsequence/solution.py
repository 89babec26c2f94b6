from bisect import bisect_left


class Solution:
    # Idea: patience sorting; tails[L] is the smallest tail of an increasing subsequence of length L+1, updated by binary search. O(n log n) time, O(n) space.
    def lengthOfLIS(self, nums: List[int]) -> int:
        tails = []
        for x in nums:
            i = bisect_left(tails, x)  # leftmost slot: equal values never extend (strictly increasing)
            if i == len(tails):
                tails.append(x)
            else:
                tails[i] = x
        return len(tails)
