class Solution {
    // Plausible but wrong: a start equal to an end is counted as a clash, although the first meeting
    // is over by then ([1,5] and [5,10] fit in one room).
    func minMeetingRooms(_ intervals: [[Int]]) -> Int {
        let starts = intervals.map { $0[0] }.sorted()
        let ends = intervals.map { $0[1] }.sorted()
        var rooms = 0
        var j = 0
        for start in starts {
            if start <= ends[j] {
                rooms += 1
            } else {
                j += 1
            }
        }
        return rooms
    }
}
