class Solution:
    # Idea: sliding window; grow the right end until every needed character is covered (counted
    # with multiplicity), then shrink the left end while it stays covered. O(m + n) time.
    def minWindow(self, s: str, t: str) -> str:
        need = collections.Counter(t)
        missing = len(t)
        best_start, best_len = 0, len(s) + 1
        left = 0
        for right, c in enumerate(s):
            if need[c] > 0:
                missing -= 1
            need[c] -= 1
            while missing == 0:
                if right - left + 1 < best_len:
                    best_start, best_len = left, right - left + 1
                need[s[left]] += 1
                if need[s[left]] > 0:
                    missing += 1
                left += 1
        return s[best_start:best_start + best_len] if best_len <= len(s) else ""
