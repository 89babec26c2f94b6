import math


class Solution:
    # Plausible but wrong: computes the reverse direction D_KL(q || p) (skipping q_i == 0 terms).
    def klDivergence(self, p: List[float], q: List[float]) -> float:
        return sum(qi * math.log(qi / pi) for pi, qi in zip(p, q) if qi > 0 and pi > 0)
