class Solution:
    def bpeMerge(self, tokens: List[str], pair: List[str]) -> List[str]:
        return tokens
