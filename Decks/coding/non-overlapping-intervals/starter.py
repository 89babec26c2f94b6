class Solution:
    def eraseOverlapIntervals(self, intervals: List[List[int]]) -> int:
        return 0
