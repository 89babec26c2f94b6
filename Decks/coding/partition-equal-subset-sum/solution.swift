class Solution {
    // Idea: 0/1 knapsack over sums up to half the total; the sum loop runs downwards so each number
    // is used at most once. O(n * sum) time, O(sum) space.
    func canPartition(_ nums: [Int]) -> Bool {
        let total = nums.reduce(0, +)
        if total % 2 != 0 { return false }
        let half = total / 2
        var can = [Bool](repeating: false, count: half + 1)
        can[0] = true
        for x in nums where x <= half {
            for s in stride(from: half, through: x, by: -1) where can[s - x] {
                can[s] = true
            }
        }
        return can[half]
    }
}
