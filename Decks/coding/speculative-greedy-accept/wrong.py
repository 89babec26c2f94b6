class Solution:
    # Plausible but wrong: forgets the bonus token when every draft is accepted.
    def acceptDraft(self, draft: List[int], target: List[int]) -> List[int]:
        out = []
        for i, token in enumerate(draft):
            if token != target[i]:
                out.append(target[i])
                break
            out.append(token)
        return out
