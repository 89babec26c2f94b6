from bisect import bisect_right


class Solution:
    # Plausible but wrong: bisect_right lets equal values extend the sequence, i.e. it finds the longest
    # non-decreasing subsequence instead of a strictly increasing one.
    def lengthOfLIS(self, nums: List[int]) -> int:
        tails = []
        for x in nums:
            i = bisect_right(tails, x)
            if i == len(tails):
                tails.append(x)
            else:
                tails[i] = x
        return len(tails)
