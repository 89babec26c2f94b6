import math


class Solution:
    # Plausible but wrong: eps is added outside the square root, which changes the result when eps is not negligible.
    def rmsNorm(self, x: List[float], eps: float) -> List[float]:
        rms = math.sqrt(sum(v * v for v in x) / len(x))
        return [v / (rms + eps) for v in x]
