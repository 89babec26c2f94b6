class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        return 0
