class Solution:
    # Plausible but wrong: duplicates are removed first, so this finds the k-th largest distinct
    # value, not the k-th element of the sorted order.
    def findKthLargest(self, nums: List[int], k: int) -> int:
        return sorted(set(nums), reverse=True)[min(k, len(set(nums))) - 1]
