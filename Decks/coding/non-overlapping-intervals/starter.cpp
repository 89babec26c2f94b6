class Solution {
public:
    int eraseOverlapIntervals(vector<vector<int>>& intervals) {
        return 0;
    }
};
