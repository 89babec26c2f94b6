class Solution {
    func subsets(_ nums: [Int]) -> [[Int]] {
        return []
    }
}
