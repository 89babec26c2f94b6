class Solution {
    // Plausible but wrong: mid is compared with the left end instead of the right one; a sorted
    // left part does not say where the minimum is (an unrotated array walks off to its maximum).
    func findMin(_ nums: [Int]) -> Int {
        var lo = 0
        var hi = nums.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if nums[mid] >= nums[lo] {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        return nums[lo]
    }
}
