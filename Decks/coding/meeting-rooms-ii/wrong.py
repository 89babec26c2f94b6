import heapq


class Solution:
    # Plausible but wrong: the meetings are never sorted by start, so a room is released for a later
    # meeting that the loop happens to reach before an earlier one.
    def minMeetingRooms(self, intervals: List[List[int]]) -> int:
        ends = []
        for start, end in intervals:
            if ends and ends[0] <= start:
                heapq.heapreplace(ends, end)
            else:
                heapq.heappush(ends, end)
        return len(ends)
