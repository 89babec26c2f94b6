class Solution {
    func rob(_ nums: [Int]) -> Int {
        return 0
    }
}
