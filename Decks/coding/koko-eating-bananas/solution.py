class Solution:
    # Idea: the hours needed only fall as the speed k grows, so binary search the smallest k in
    # [1, max(piles)] that finishes within h hours. O(n log max) time, O(1) space.
    def minEatingSpeed(self, piles: List[int], h: int) -> int:
        lo, hi = 1, max(piles)
        while lo < hi:
            k = (lo + hi) // 2
            hours = sum((p + k - 1) // k for p in piles)
            if hours <= h:
                hi = k
            else:
                lo = k + 1
        return lo
