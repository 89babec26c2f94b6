class Solution {
    // Plausible but wrong: moves the taller wall instead of the shorter one, discarding the
    // better containers.
    func maxArea(_ height: [Int]) -> Int {
        var left = 0
        var right = height.count - 1
        var best = 0
        while left < right {
            best = max(best, min(height[left], height[right]) * (right - left))
            if height[left] > height[right] {
                left += 1
            } else {
                right -= 1
            }
        }
        return best
    }
}
