class Solution {
public:
    int minMeetingRooms(vector<vector<int>>& intervals) {
        return 0;
    }
};
