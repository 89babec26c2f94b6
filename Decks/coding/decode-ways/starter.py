class Solution:
    def numDecodings(self, s: str) -> int:
        return 0
