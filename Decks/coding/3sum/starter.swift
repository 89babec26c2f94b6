class Solution {
    func threeSum(_ nums: [Int]) -> [[Int]] {
        return []
    }
}
