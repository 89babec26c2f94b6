class Solution {
    // Idea: sliding window; on a repeat, jump the left edge past the last occurrence (never backwards). O(n) time, O(alphabet) space.
    func lengthOfLongestSubstring(_ s: String) -> Int {
        var last: [Character: Int] = [:]
        var left = 0
        var best = 0
        for (right, ch) in s.enumerated() {
            if let previous = last[ch], previous >= left {
                left = previous + 1
            }
            last[ch] = right
            best = max(best, right - left + 1)
        }
        return best
    }
}
