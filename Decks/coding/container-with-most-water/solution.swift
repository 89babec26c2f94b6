class Solution {
    // Idea: two pointers from both ends, always moving the shorter wall (the taller one cannot do better with a narrower width). O(n) time, O(1) space.
    func maxArea(_ height: [Int]) -> Int {
        var left = 0
        var right = height.count - 1
        var best = 0
        while left < right {
            best = max(best, min(height[left], height[right]) * (right - left))
            if height[left] < height[right] {
                left += 1
            } else {
                right -= 1
            }
        }
        return best
    }
}
