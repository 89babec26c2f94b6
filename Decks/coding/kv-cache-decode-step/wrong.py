import math


class Solution:
    # Plausible but wrong: attends only to the cached tokens and forgets that the new token
    # also attends to itself (its k and v are never appended).
    def decodeStep(self, k_cache: List[List[float]], v_cache: List[List[float]], q: List[float], k: List[float], v: List[float]) -> List[float]:
        keys = k_cache
        values = v_cache
        if not keys:
            return [0.0] * len(v)
        scale = 1.0 / math.sqrt(len(q))
        scores = [scale * sum(a * b for a, b in zip(q, key)) for key in keys]
        m = max(scores)
        weights = [math.exp(s - m) for s in scores]
        total = sum(weights)
        out = [0.0] * len(v)
        for w, value in zip(weights, values):
            for j, x in enumerate(value):
                out[j] += w / total * x
        return out
