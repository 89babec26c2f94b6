class Solution {
    // Plausible but wrong: duplicates are removed first, so this finds the k-th largest distinct
    // value, not the k-th element of the sorted order.
    func findKthLargest(_ nums: [Int], _ k: Int) -> Int {
        let distinct = Array(Set(nums)).sorted(by: >)
        return distinct[min(k, distinct.count) - 1]
    }
}
