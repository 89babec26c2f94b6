class Solution {
    func findKthLargest(_ nums: [Int], _ k: Int) -> Int {
        return 0
    }
}
