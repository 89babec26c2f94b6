class Solution {
    // Idea: a monotonic stack of days still waiting for a warmer one; a warmer day pops and answers them.
    // Each index is pushed and popped once: O(n) time.
    func dailyTemperatures(_ temperatures: [Int]) -> [Int] {
        var answer = [Int](repeating: 0, count: temperatures.count)
        var waiting: [Int] = []
        for (i, t) in temperatures.enumerated() {
            while let j = waiting.last, temperatures[j] < t {
                waiting.removeLast()
                answer[j] = i - j
            }
            waiting.append(i)
        }
        return answer
    }
}
