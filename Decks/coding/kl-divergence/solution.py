import math


class Solution:
    # Idea: sum p_i * ln(p_i / q_i) over the outcomes with p_i > 0 (those with p_i = 0 contribute nothing). O(n) time.
    def klDivergence(self, p: List[float], q: List[float]) -> float:
        return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q) if pi > 0)
