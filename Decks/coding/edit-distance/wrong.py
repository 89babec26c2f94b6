class Solution:
    # Plausible but wrong: only inserts and deletes are counted (m + n - 2 * LCS), so a
    # replacement costs two edits instead of one.
    def minDistance(self, word1: str, word2: str) -> int:
        prev = [0] * (len(word2) + 1)
        for a in word1:
            cur = [0]
            for j, b in enumerate(word2, 1):
                cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
            prev = cur
        return len(word1) + len(word2) - 2 * prev[-1]
