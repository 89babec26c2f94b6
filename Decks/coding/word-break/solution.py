class Solution:
    # Idea: dp[i] says whether s[:i] splits into words; dp[i] holds if some word ends at i and dp
    # holds where it starts. Only word lengths that exist are tried. O(n * L) checks, L = longest word.
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        lengths = sorted({len(w) for w in words})
        dp = [True] + [False] * len(s)
        for i in range(1, len(s) + 1):
            dp[i] = any(length <= i and dp[i - length] and s[i - length:i] in words for length in lengths)
        return dp[len(s)]
