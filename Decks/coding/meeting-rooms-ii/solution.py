import heapq


class Solution:
    # Idea: go through meetings by start time with a min-heap of the rooms' end times; a meeting reuses the
    # room that frees up first if it is free by then. The heap's final size is the answer. O(n log n) time.
    def minMeetingRooms(self, intervals: List[List[int]]) -> int:
        ends = []
        for start, end in sorted(intervals):
            if ends and ends[0] <= start:
                heapq.heapreplace(ends, end)
            else:
                heapq.heappush(ends, end)
        return len(ends)
