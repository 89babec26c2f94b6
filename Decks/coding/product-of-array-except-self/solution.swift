class Solution {
    // Idea: write the prefix products into the answer, then multiply in a running suffix product from
    // the right. O(n) time, O(1) space besides the answer, no division.
    func productExceptSelf(_ nums: [Int]) -> [Int] {
        var answer = [Int](repeating: 1, count: nums.count)
        var prefix = 1
        for i in 0..<nums.count {
            answer[i] = prefix
            prefix *= nums[i]
        }
        var suffix = 1
        for i in stride(from: nums.count - 1, through: 0, by: -1) {
            answer[i] *= suffix
            suffix *= nums[i]
        }
        return answer
    }
}
