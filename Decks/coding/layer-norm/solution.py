import math


class Solution:
    # Idea: two passes, the mean first and then the population variance of the centred values (no E[x^2] - E[x]^2 cancellation). O(n) time.
    def layerNorm(self, x: List[float], eps: float) -> List[float]:
        n = len(x)
        mean = sum(x) / n
        centred = [v - mean for v in x]
        var = sum(c * c for c in centred) / n
        inv_std = 1.0 / math.sqrt(var + eps)
        return [c * inv_std for c in centred]
