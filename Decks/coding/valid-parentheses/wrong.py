class Solution:
    # Plausible but wrong: counting each kind of bracket ignores nesting order, so "([)]" passes.
    def isValid(self, s: str) -> bool:
        depth = {'(': 0, '[': 0, '{': 0}
        match = {')': '(', ']': '[', '}': '{'}
        for ch in s:
            if ch in depth:
                depth[ch] += 1
            else:
                depth[match[ch]] -= 1
                if depth[match[ch]] < 0:
                    return False
        return all(v == 0 for v in depth.values())
