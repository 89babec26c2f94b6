class Solution {
    // Idea: binary search against the right end; if nums[mid] > nums[hi] the drop (and the minimum)
    // lies right of mid, otherwise at mid or left of it. O(log n) time, O(1) space.
    func findMin(_ nums: [Int]) -> Int {
        var lo = 0
        var hi = nums.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if nums[mid] > nums[hi] {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        return nums[lo]
    }
}
