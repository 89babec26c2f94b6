class Solution {
    // Plausible but wrong: the sum loop runs upwards, so a number just added can be added again in
    // the same pass (unbounded knapsack): [1,2,5] reaches 4 as 1 + 1 + 2.
    func canPartition(_ nums: [Int]) -> Bool {
        let total = nums.reduce(0, +)
        if total % 2 != 0 { return false }
        let half = total / 2
        var can = [Bool](repeating: false, count: half + 1)
        can[0] = true
        for x in nums where x <= half {
            for s in x...half where can[s - x] {
                can[s] = true
            }
        }
        return can[half]
    }
}
