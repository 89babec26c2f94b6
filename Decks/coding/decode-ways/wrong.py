class Solution:
    # Plausible but wrong: the last digit alone always extends the count, even when it is '0',
    # which has no letter ("10" gets 2 instead of 1).
    def numDecodings(self, s: str) -> int:
        two_back, one_back = 1, 1
        for i in range(1, len(s)):
            current = one_back
            if "10" <= s[i - 1 : i + 1] <= "26":
                current += two_back
            two_back, one_back = one_back, current
        return one_back
