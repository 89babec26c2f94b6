class Solution:
    # Plausible but wrong: on a match it adds 1 to the larger neighbour instead of the diagonal, so one
    # character can be matched twice ("aa" against "a" gives 2).
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        prev = [0] * (len(text2) + 1)
        for a in text1:
            cur = [0]
            for j, b in enumerate(text2):
                best = max(prev[j + 1], cur[j])
                cur.append(best + 1 if a == b else best)
            prev = cur
        return prev[-1]
