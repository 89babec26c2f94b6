class Solution {
    // Plausible but wrong: on a repeat the left edge jumps past the last occurrence even when that
    // lies before the window, moving the window backwards ("abba").
    func lengthOfLongestSubstring(_ s: String) -> Int {
        var last: [Character: Int] = [:]
        var left = 0
        var best = 0
        for (right, ch) in s.enumerated() {
            if let previous = last[ch] {
                left = previous + 1
            }
            last[ch] = right
            best = max(best, right - left + 1)
        }
        return best
    }
}
