class Solution {
public:
    // Idea: sort by start; when two intervals overlap, drop the one that ends later, since the one
    // ending earlier can only leave more room. O(n log n) time.
    int eraseOverlapIntervals(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        int removed = 0;
        int lastEnd = intervals[0][1];
        for (size_t i = 1; i < intervals.size(); ++i) {
            if (intervals[i][0] < lastEnd) {
                ++removed;
                lastEnd = min(lastEnd, intervals[i][1]);
            } else {
                lastEnd = intervals[i][1];
            }
        }
        return removed;
    }
};
