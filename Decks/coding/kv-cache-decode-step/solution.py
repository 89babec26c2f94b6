import math


class Solution:
    # Idea: the new token attends to every cached position and to itself, so append (k, v) to
    # the caches first, then one stable softmax over q·k_j / sqrt(d) and a weighted sum of values.
    # O(n · (d + d_v)) time for n cached tokens.
    def decodeStep(self, k_cache: List[List[float]], v_cache: List[List[float]], q: List[float], k: List[float], v: List[float]) -> List[float]:
        keys = k_cache + [k]
        values = v_cache + [v]
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
