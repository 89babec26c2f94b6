class Solution {
    func canPartition(_ nums: [Int]) -> Bool {
        return false
    }
}
