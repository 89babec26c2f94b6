import math


class Solution:
    # Idea: divide every element by sqrt(mean of squares + eps); no centring, unlike LayerNorm. O(n) time.
    def rmsNorm(self, x: List[float], eps: float) -> List[float]:
        mean_square = sum(v * v for v in x) / len(x)
        inv_rms = 1.0 / math.sqrt(mean_square + eps)
        return [v * inv_rms for v in x]
