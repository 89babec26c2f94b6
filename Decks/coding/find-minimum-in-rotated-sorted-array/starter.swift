class Solution {
    func findMin(_ nums: [Int]) -> Int {
        return 0
    }
}
