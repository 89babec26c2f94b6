import math


class Solution:
    # Idea: loss_i = logsumexp(row) - row[target], with logsumexp = max + ln(sum(exp(x - max))); average over the batch. O(N·V) time.
    def crossEntropyLoss(self, logits: List[List[float]], targets: List[int]) -> float:
        total = 0.0
        for row, target in zip(logits, targets):
            m = max(row)
            log_sum_exp = m + math.log(sum(math.exp(x - m) for x in row))
            total += log_sum_exp - row[target]
        return total / len(logits)
