class Solution {
    func permute(_ nums: [Int]) -> [[Int]] {
        return []
    }
}
