class Solution {
    // Plausible but wrong: stores the current value before looking up its complement, so
    // x + x == target pairs an element with itself.
    func twoSum(_ nums: [Int], _ target: Int) -> [Int] {
        var seen: [Int: Int] = [:]
        for (i, x) in nums.enumerated() {
            seen[x] = i
            if let j = seen[target - x] {
                return [j, i]
            }
        }
        return []
    }
}
