class Solution:
    # Idea: keep the k closest seen so far in a max-heap keyed by squared distance (no square
    # root needed); a closer point evicts the farthest kept one. O(n log k) time, O(k) space.
    def kClosest(self, points: List[List[int]], k: int) -> List[List[int]]:
        heap = []  # (-squared distance, x, y)
        for x, y in points:
            d = x * x + y * y
            if len(heap) < k:
                heapq.heappush(heap, (-d, x, y))
            elif d < -heap[0][0]:
                heapq.heapreplace(heap, (-d, x, y))
        return [[x, y] for _, x, y in heap]
