class Solution {
    // Plausible but wrong: overlap is tested with strict comparisons, so intervals that only share
    // an end point ([1,5] and [5,7]) are not merged.
    func insert(_ intervals: [[Int]], _ newInterval: [Int]) -> [[Int]] {
        var start = newInterval[0]
        var end = newInterval[1]
        var result: [[Int]] = []
        var i = 0
        while i < intervals.count && intervals[i][1] <= start {
            result.append(intervals[i])
            i += 1
        }
        while i < intervals.count && intervals[i][0] < end {
            start = min(start, intervals[i][0])
            end = max(end, intervals[i][1])
            i += 1
        }
        result.append([start, end])
        result.append(contentsOf: intervals[i...])
        return result
    }
}
