class Solution:
    def rmsNorm(self, x: List[float], eps: float) -> List[float]:
        return []
