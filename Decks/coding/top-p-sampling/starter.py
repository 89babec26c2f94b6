class Solution:
    def topPSample(self, logits: List[float], p: float, temperature: float, seed: int) -> int:
        return 0
