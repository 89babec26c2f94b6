class Solution {
public:
    // Idea: one pass in three parts: copy the intervals ending before the new one, widen the new one over
    // every interval it overlaps, copy the rest. O(n) time.
    vector<vector<int>> insert(vector<vector<int>>& intervals, vector<int>& newInterval) {
        int start = newInterval[0], end = newInterval[1];
        vector<vector<int>> result;
        size_t i = 0, n = intervals.size();
        while (i < n && intervals[i][1] < start) result.push_back(intervals[i++]);
        while (i < n && intervals[i][0] <= end) {
            start = min(start, intervals[i][0]);
            end = max(end, intervals[i][1]);
            ++i;
        }
        result.push_back({start, end});
        while (i < n) result.push_back(intervals[i++]);
        return result;
    }
};
