class Solution:
    # Plausible but wrong: scales the update by alpha instead of alpha / r.
    def loraForward(self, x: List[List[float]], w: List[List[float]], a: List[List[float]], b: List[List[float]], alpha: float) -> List[List[float]]:
        out = []
        for row in x:
            low = [sum(p * q for p, q in zip(row, a_row)) for a_row in a]
            out.append([
                sum(p * q for p, q in zip(row, w_row)) + alpha * sum(p * q for p, q in zip(low, b_row))
                for w_row, b_row in zip(w, b)
            ])
        return out
