class Solution:
    # Plausible but wrong: greedy; always takes the longest word that matches at the current
    # position and never backs up, so "cars" with ["car", "ca", "rs"] fails.
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = sorted(set(wordDict), key=len, reverse=True)
        i = 0
        while i < len(s):
            for w in words:
                if s.startswith(w, i):
                    i += len(w)
                    break
            else:
                return False
        return True
