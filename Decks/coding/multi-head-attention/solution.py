import math


class Solution:
    # Idea: project x to Q, K, V (x·W), split the columns into contiguous heads, run causal
    # softmax(Q_h K_hᵀ / sqrt(d_head)) V_h per head, concatenate and project with wo.
    # O(seq² · d_model + seq · d_model²) time.
    def multiHeadAttention(self, x: List[List[float]], wq: List[List[float]], wk: List[List[float]], wv: List[List[float]], wo: List[List[float]], num_heads: int) -> List[List[float]]:
        def matmul(a, b):
            cols = list(zip(*b))
            return [[sum(p * q for p, q in zip(row, col)) for col in cols] for row in a]

        q, k, v = matmul(x, wq), matmul(x, wk), matmul(x, wv)
        seq, d_model = len(x), len(wq[0])
        dh = d_model // num_heads
        scale = 1.0 / math.sqrt(dh)
        concat = [[0.0] * d_model for _ in range(seq)]
        for h in range(num_heads):
            lo, hi = h * dh, (h + 1) * dh
            for i in range(seq):
                # Causal: position i attends to positions 0..i only.
                scores = [scale * sum(q[i][c] * k[j][c] for c in range(lo, hi)) for j in range(i + 1)]
                m = max(scores)
                w = [math.exp(s - m) for s in scores]
                total = sum(w)
                for c in range(lo, hi):
                    concat[i][c] = sum(w[j] * v[j][c] for j in range(i + 1)) / total
        return matmul(concat, wo)
