class Solution {
    // Idea: backtracking; record the path at every node, then try each later index as the next element. O(n * 2^n).
    func subsets(_ nums: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        var path: [Int] = []
        func extend(from start: Int) {
            result.append(path)
            for i in start..<nums.count {
                path.append(nums[i])
                extend(from: i + 1)
                path.removeLast()
            }
        }
        extend(from: 0)
        return result
    }
}
