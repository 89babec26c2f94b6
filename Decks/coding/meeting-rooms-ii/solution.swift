class Solution {
    // Idea: sort starts and ends apart and sweep; each start before the earliest unmatched end needs one
    // more room, otherwise it takes over the room that end frees. O(n log n) time.
    func minMeetingRooms(_ intervals: [[Int]]) -> Int {
        let starts = intervals.map { $0[0] }.sorted()
        let ends = intervals.map { $0[1] }.sorted()
        var rooms = 0
        var j = 0
        for start in starts {
            if start < ends[j] {
                rooms += 1
            } else {
                j += 1
            }
        }
        return rooms
    }
}
