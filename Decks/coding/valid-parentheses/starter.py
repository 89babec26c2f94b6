class Solution:
    def isValid(self, s: str) -> bool:
        return False
