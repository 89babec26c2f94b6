class Solution {
public:
    // Idea: go through meetings by start time with a min-heap of the rooms' end times; a meeting reuses the
    // room that frees up first if it is free by then. The heap's final size is the answer. O(n log n) time.
    int minMeetingRooms(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        priority_queue<int, vector<int>, greater<int>> ends;
        for (const auto& meeting : intervals) {
            if (!ends.empty() && ends.top() <= meeting[0]) ends.pop();
            ends.push(meeting[1]);
        }
        return ends.size();
    }
};
