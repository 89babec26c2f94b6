class Solution {
    func maxSlidingWindow(_ nums: [Int], _ k: Int) -> [Int] {
        return []
    }
}
