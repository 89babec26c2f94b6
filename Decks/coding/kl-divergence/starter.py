class Solution:
    def klDivergence(self, p: List[float], q: List[float]) -> float:
        return 0.0
