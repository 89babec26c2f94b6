class Solution:
    # Plausible but wrong: on a repeat the left edge jumps to the last occurrence even when
    # that occurrence is already outside the window, so the window can move backwards ("abba").
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        left = best = 0
        for right, ch in enumerate(s):
            if ch in last:
                left = last[ch] + 1
            last[ch] = right
            best = max(best, right - left + 1)
        return best
