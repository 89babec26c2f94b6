class Solution:
    # Plausible but wrong: hours per pile are rounded down (p // k), so a pile's leftover bananas
    # cost no extra hour and the speed comes out too low.
    def minEatingSpeed(self, piles: List[int], h: int) -> int:
        lo, hi = 1, max(piles)
        while lo < hi:
            k = (lo + hi) // 2
            if sum(p // k for p in piles) <= h:
                hi = k
            else:
                lo = k + 1
        return lo
