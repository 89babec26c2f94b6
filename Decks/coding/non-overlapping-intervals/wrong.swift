class Solution {
    // Plausible but wrong: intervals that only touch ([1,2] and [2,3]) are counted as overlapping.
    func eraseOverlapIntervals(_ intervals: [[Int]]) -> Int {
        var kept = 0
        var lastEnd = Int.min
        for interval in intervals.sorted(by: { $0[1] < $1[1] }) where interval[0] > lastEnd {
            kept += 1
            lastEnd = interval[1]
        }
        return intervals.count - kept
    }
}
