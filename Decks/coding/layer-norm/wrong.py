import math


class Solution:
    # Plausible but wrong: uses the unbiased sample variance (divide by n - 1) instead of the population variance.
    def layerNorm(self, x: List[float], eps: float) -> List[float]:
        n = len(x)
        mean = sum(x) / n
        var = sum((v - mean) ** 2 for v in x) / (n - 1)
        return [(v - mean) / math.sqrt(var + eps) for v in x]
