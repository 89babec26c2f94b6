class Solution {
public:
    // Plausible but wrong: while merging, the end is taken from the last overlapping interval
    // instead of the larger of the two ends, so a new interval reaching past it is cut short.
    vector<vector<int>> insert(vector<vector<int>>& intervals, vector<int>& newInterval) {
        int start = newInterval[0], end = newInterval[1];
        vector<vector<int>> result;
        size_t i = 0, n = intervals.size();
        while (i < n && intervals[i][1] < start) result.push_back(intervals[i++]);
        while (i < n && intervals[i][0] <= end) {
            start = min(start, intervals[i][0]);
            end = intervals[i][1];
            ++i;
        }
        result.push_back({start, end});
        while (i < n) result.push_back(intervals[i++]);
        return result;
    }
};
