class Solution:
    # Idea: greedy by end point; keep an interval when it starts at or after the last kept end, so the
    # kept set ends as early as possible and leaves the most room. O(n log n) time.
    def eraseOverlapIntervals(self, intervals: List[List[int]]) -> int:
        kept = 0
        last_end = float("-inf")
        for start, end in sorted(intervals, key=lambda interval: interval[1]):
            if start >= last_end:
                kept += 1
                last_end = end
        return len(intervals) - kept
