import heapq
from collections import Counter


class Solution:
    # Idea: count with a hash map, then keep the k largest counts with a heap. O(n log k) time, O(n) space.
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = Counter(nums)
        return heapq.nlargest(k, counts, key=counts.__getitem__)
