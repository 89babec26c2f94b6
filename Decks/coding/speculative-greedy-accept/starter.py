class Solution:
    def acceptDraft(self, draft: List[int], target: List[int]) -> List[int]:
        return []
