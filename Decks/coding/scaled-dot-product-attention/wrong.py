import math


class Solution:
    # Plausible but wrong: forgets the 1/sqrt(d_k) scaling (the softmax itself is stable).
    def attention(self, q: List[List[float]], k: List[List[float]], v: List[List[float]]) -> List[List[float]]:
        out = []
        for query in q:
            scores = [sum(a * b for a, b in zip(query, key)) for key in k]
            m = max(scores)
            weights = [math.exp(s - m) for s in scores]
            total = sum(weights)
            out.append([sum(w / total * value[j] for w, value in zip(weights, v)) for j in range(len(v[0]))])
        return out
