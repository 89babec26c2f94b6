import math


class Solution:
    # Idea: sum -p_i * ln(q_i) over the outcomes with p_i > 0 (0 * ln 0 counts as 0). O(n) time.
    def crossEntropy(self, p: List[float], q: List[float]) -> float:
        return -sum(pi * math.log(qi) for pi, qi in zip(p, q) if pi > 0)
