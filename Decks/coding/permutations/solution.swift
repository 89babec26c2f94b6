class Solution {
    // Idea: swap each remaining number into position `start`, recurse on the rest, swap back. O(n * n!) time.
    func permute(_ nums: [Int]) -> [[Int]] {
        var current = nums
        var result: [[Int]] = []
        func arrange(_ start: Int) {
            if start == current.count {
                result.append(current)
                return
            }
            for i in start..<current.count {
                current.swapAt(start, i)
                arrange(start + 1)
                current.swapAt(start, i)
            }
        }
        arrange(0)
        return result
    }
}
