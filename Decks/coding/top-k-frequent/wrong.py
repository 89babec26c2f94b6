import heapq
from collections import Counter


class Solution:
    # Plausible but wrong: nlargest without a key picks the k largest *values*, not the most frequent ones.
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = Counter(nums)
        return heapq.nlargest(k, counts)
