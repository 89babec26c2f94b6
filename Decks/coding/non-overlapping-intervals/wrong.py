class Solution:
    # Plausible but wrong: greedy by start point, always keeping the earlier-starting interval,
    # so one long interval that starts first blocks many short ones.
    def eraseOverlapIntervals(self, intervals: List[List[int]]) -> int:
        removed = 0
        last_end = float("-inf")
        for start, end in sorted(intervals):
            if start >= last_end:
                last_end = end
            else:
                removed += 1
        return removed
