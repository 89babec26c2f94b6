class Solution {
    // Plausible but wrong: the recursion moves on to i + 1, so each candidate can be used at most once.
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
                pick(i + 1, remaining - values[i])
                path.removeLast()
            }
        }
        pick(0, target)
        return result
    }
}
