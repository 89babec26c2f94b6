class Solution {
    // Idea: backtracking over the sorted candidates; the next pick starts at the current index (reuse allowed,
    // no reordered duplicates) and the loop stops once a candidate exceeds what is left.
    func combinationSum(_ candidates: [Int], _ target: Int) -> [[Int]] {
        let values = candidates.sorted()
        var result: [[Int]] = []
        var path: [Int] = []
        func pick(_ start: Int, _ remaining: Int) {
            if remaining == 0 {
                result.append(path)
                return
            }
            for i in start..<values.count {
                if values[i] > remaining { break }
                path.append(values[i])
                pick(i, remaining - values[i])
                path.removeLast()
            }
        }
        pick(0, target)
        return result
    }
}
