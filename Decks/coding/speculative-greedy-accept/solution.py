class Solution:
    # Idea: the accepted drafts equal the target's tokens, so the answer is target[:L + 1] where L is
    # the length of the common prefix; O(k).
    def acceptDraft(self, draft: List[int], target: List[int]) -> List[int]:
        accepted = 0
        while accepted < len(draft) and draft[accepted] == target[accepted]:
            accepted += 1
        return target[:accepted + 1]
