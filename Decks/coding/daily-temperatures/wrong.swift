class Solution {
    // Plausible but wrong: it stores the index of the warmer day instead of the number of days to wait.
    func dailyTemperatures(_ temperatures: [Int]) -> [Int] {
        var answer = [Int](repeating: 0, count: temperatures.count)
        var waiting: [Int] = []
        for (i, t) in temperatures.enumerated() {
            while let j = waiting.last, temperatures[j] < t {
                waiting.removeLast()
                answer[j] = i
            }
            waiting.append(i)
        }
        return answer
    }
}
