class Solution {
    // Idea: sort by start; extend the last merged interval while the next one starts inside it. O(n log n) time, O(n) output.
    func merge(_ intervals: [[Int]]) -> [[Int]] {
        var merged: [[Int]] = []
        for interval in intervals.sorted(by: { $0[0] < $1[0] }) {
            if let last = merged.last, interval[0] <= last[1] {
                merged[merged.count - 1][1] = max(last[1], interval[1])
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
