class Solution {
    // Plausible but wrong: a number is marked used but never released on the way back,
    // so only the first permutation is ever completed.
    func permute(_ nums: [Int]) -> [[Int]] {
        var used = [Bool](repeating: false, count: nums.count)
        var path: [Int] = []
        var result: [[Int]] = []
        func fill() {
            if path.count == nums.count {
                result.append(path)
                return
            }
            for i in 0..<nums.count where !used[i] {
                used[i] = true
                path.append(nums[i])
                fill()
                path.removeLast()
            }
        }
        fill()
        return result
    }
}
