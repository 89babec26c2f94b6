import math


class Solution:
    # Plausible but wrong: drops the token whose probability makes the sum cross p
    # (keeps only tokens while the running sum stays <= p), so the nucleus is one token short.
    def topKTopP(self, logits: List[float], k: int, p: float) -> List[int]:
        order = sorted(range(len(logits)), key=lambda i: (-logits[i], i))
        if k > 0:
            order = order[:k]
        top = logits[order[0]]
        weights = [math.exp(logits[i] - top) for i in order]
        total = sum(weights)
        kept = []
        cumulative = 0.0
        for i, w in zip(order, weights):
            cumulative += w / total
            if cumulative > p:
                break
            kept.append(i)
        return sorted(kept)
