class Solution:
    # Idea: project each row down to rank r first (x·Aᵀ), then up (·Bᵀ), so the low-rank path costs
    # O(n·r·(in + out)) on top of the O(n·in·out) base layer, never forming B·A.
    def loraForward(self, x: List[List[float]], w: List[List[float]], a: List[List[float]], b: List[List[float]], alpha: float) -> List[List[float]]:
        scale = alpha / len(a)
        out = []
        for row in x:
            low = [sum(p * q for p, q in zip(row, a_row)) for a_row in a]
            out.append([
                sum(p * q for p, q in zip(row, w_row)) + scale * sum(p * q for p, q in zip(low, b_row))
                for w_row, b_row in zip(w, b)
            ])
        return out
