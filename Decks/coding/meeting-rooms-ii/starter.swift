class Solution {
    func minMeetingRooms(_ intervals: [[Int]]) -> Int {
        return 0
    }
}
