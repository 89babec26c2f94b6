class Solution {
    func dailyTemperatures(_ temperatures: [Int]) -> [Int] {
        return []
    }
}
