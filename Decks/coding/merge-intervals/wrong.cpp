class Solution {
public:
    // Plausible but wrong: an interval inside the last merged one overwrites its end instead of
    // taking the larger end, so [1,10] and [2,3] become [1,3].
    vector<vector<int>> merge(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        vector<vector<int>> merged;
        for (const auto& interval : intervals) {
            if (!merged.empty() && interval[0] <= merged.back()[1]) {
                merged.back()[1] = interval[1];
            } else {
                merged.push_back(interval);
            }
        }
        return merged;
    }
};
