import math


class Solution:
    # Idea: softmax is shift-invariant, so subtract the max first: every exponent is <= 0 and the largest term is exactly 1. O(n) time.
    def softmax(self, logits: List[float]) -> List[float]:
        if not logits:
            return []
        m = max(logits)
        exps = [math.exp(x - m) for x in logits]
        total = sum(exps)
        return [e / total for e in exps]
