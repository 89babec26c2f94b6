import math


class Solution:
    # Idea: pair dimensions (2i, 2i+1) and rotate each pair of row p by the angle
    # p · 10000^(−2i/d), as in RoFormer. O(seq · d) time.
    def applyRope(self, x: List[List[float]]) -> List[List[float]]:
        out = []
        for p, row in enumerate(x):
            d = len(row)
            y = [0.0] * d
            for i in range(d // 2):
                angle = p * 10000.0 ** (-2.0 * i / d)
                c, s = math.cos(angle), math.sin(angle)
                a, b = row[2 * i], row[2 * i + 1]
                y[2 * i] = a * c - b * s
                y[2 * i + 1] = a * s + b * c
            out.append(y)
        return out
