class Solution:
    # Idea: push each opener's expected closer; every closer must match the top of the stack, and the stack must end empty. O(n) time and space.
    def isValid(self, s: str) -> bool:
        closer = {'(': ')', '[': ']', '{': '}'}
        stack = []
        for ch in s:
            if ch in closer:
                stack.append(closer[ch])
            elif not stack or stack.pop() != ch:
                return False
        return not stack
