class Solution {
public:
    // Plausible but wrong: on an overlap it drops the earlier interval and keeps the later one's end,
    // even when the later one reaches further and blocks more.
    int eraseOverlapIntervals(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        int removed = 0;
        int lastEnd = intervals[0][1];
        for (size_t i = 1; i < intervals.size(); ++i) {
            if (intervals[i][0] < lastEnd) ++removed;
            lastEnd = intervals[i][1];
        }
        return removed;
    }
};
