class Solution {
    // Plausible but wrong: it lists the contiguous pieces nums[i...j] (subarrays) plus the empty set,
    // which misses every subset that skips an element in the middle.
    func subsets(_ nums: [Int]) -> [[Int]] {
        var result: [[Int]] = [[]]
        for i in 0..<nums.count {
            for j in i..<nums.count {
                result.append(Array(nums[i...j]))
            }
        }
        return result
    }
}
