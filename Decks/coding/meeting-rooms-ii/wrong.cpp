class Solution {
public:
    // Plausible but wrong: priority_queue is a max-heap by default, so top() is the room that frees up
    // last, and a room that is already free is not noticed.
    int minMeetingRooms(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        priority_queue<int> ends;
        for (const auto& meeting : intervals) {
            if (!ends.empty() && ends.top() <= meeting[0]) ends.pop();
            ends.push(meeting[1]);
        }
        return ends.size();
    }
};
