class Solution:
    def minMeetingRooms(self, intervals: List[List[int]]) -> int:
        return 0
