class Solution:
    # Idea: one left-to-right scan; on a match emit a + b and skip both tokens, otherwise copy one token. O(n) time.
    def bpeMerge(self, tokens: List[str], pair: List[str]) -> List[str]:
        a, b = pair
        merged = []
        i = 0
        while i < len(tokens):
            if i + 1 < len(tokens) and tokens[i] == a and tokens[i + 1] == b:
                merged.append(a + b)
                i += 2
            else:
                merged.append(tokens[i])
                i += 1
        return merged
