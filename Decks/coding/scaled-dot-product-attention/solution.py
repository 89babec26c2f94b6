import math


class Solution:
    # Idea: per query row, scores = q·k / sqrt(d_k), a max-shifted softmax over the keys, then the weighted sum of value rows. O(n·m·(d_k + d_v)) time.
    def attention(self, q: List[List[float]], k: List[List[float]], v: List[List[float]]) -> List[List[float]]:
        scale = 1.0 / math.sqrt(len(k[0]))
        out = []
        for query in q:
            scores = [scale * sum(a * b for a, b in zip(query, key)) for key in k]
            m = max(scores)
            weights = [math.exp(s - m) for s in scores]
            total = sum(weights)
            row = [0.0] * len(v[0])
            for w, value in zip(weights, v):
                for j, x in enumerate(value):
                    row[j] += w / total * x
            out.append(row)
        return out
