class Solution:
    # Plausible but wrong: the new interval is only emitted when some interval comes after it,
    # so an interval that belongs at the very end (or into an empty list) is dropped.
    def insert(self, intervals: List[List[int]], newInterval: List[int]) -> List[List[int]]:
        start, end = newInterval
        result = []
        placed = False
        for s, e in intervals:
            if e < start:
                result.append([s, e])
            elif s > end:
                if not placed:
                    result.append([start, end])
                    placed = True
                result.append([s, e])
            else:
                start, end = min(start, s), max(end, e)
        return result
