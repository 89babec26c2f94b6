class Solution:
    def topKTopP(self, logits: List[float], k: int, p: float) -> List[int]:
        return []
