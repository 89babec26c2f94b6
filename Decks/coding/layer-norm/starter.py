class Solution:
    def layerNorm(self, x: List[float], eps: float) -> List[float]:
        return []
