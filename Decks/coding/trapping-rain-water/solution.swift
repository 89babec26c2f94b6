class Solution {
    // Idea: two pointers; the lower side's water is bounded by its own running max, because the
    // other side already holds a wall at least that tall. O(n) time, O(1) space.
    func trap(_ height: [Int]) -> Int {
        var lo = 0
        var hi = height.count - 1
        var leftMax = 0
        var rightMax = 0
        var water = 0
        while lo < hi {
            if height[lo] < height[hi] {
                leftMax = max(leftMax, height[lo])
                water += leftMax - height[lo]
                lo += 1
            } else {
                rightMax = max(rightMax, height[hi])
                water += rightMax - height[hi]
                hi -= 1
            }
        }
        return water
    }
}
