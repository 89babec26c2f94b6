import math


class Solution:
    # Plausible but wrong: the textbook formula without the max shift overflows for logits like 1000
    # (math.exp raises OverflowError) and underflows to 0/0 for logits like -1000.
    def softmax(self, logits: List[float]) -> List[float]:
        exps = [math.exp(x) for x in logits]
        total = sum(exps)
        return [e / total for e in exps]
