import math


class Solution:
    # Plausible but wrong: pairs dimension i with i + d/2 (the "rotate half" layout of some
    # implementations) instead of the adjacent pair (2i, 2i+1) the statement asks for.
    def applyRope(self, x: List[List[float]]) -> List[List[float]]:
        out = []
        for p, row in enumerate(x):
            d = len(row)
            half = d // 2
            y = [0.0] * d
            for i in range(half):
                angle = p * 10000.0 ** (-2.0 * i / d)
                c, s = math.cos(angle), math.sin(angle)
                a, b = row[i], row[i + half]
                y[i] = a * c - b * s
                y[i + half] = a * s + b * c
            out.append(y)
        return out
