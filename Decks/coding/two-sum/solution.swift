class Solution {
    // Idea: one pass with a hash map value -> index; look up the complement before storing the current value. O(n) time, O(n) space.
    func twoSum(_ nums: [Int], _ target: Int) -> [Int] {
        var seen: [Int: Int] = [:]
        for (i, x) in nums.enumerated() {
            if let j = seen[target - x] {
                return [j, i]
            }
            seen[x] = i
        }
        return []
    }
}
