class Solution {
    // Idea: greedy by end point; keep an interval when it starts at or after the last kept end, so the
    // kept set ends as early as possible and leaves the most room. O(n log n) time.
    func eraseOverlapIntervals(_ intervals: [[Int]]) -> Int {
        var kept = 0
        var lastEnd = Int.min
        for interval in intervals.sorted(by: { $0[1] < $1[1] }) where interval[0] >= lastEnd {
            kept += 1
            lastEnd = interval[1]
        }
        return intervals.count - kept
    }
}
