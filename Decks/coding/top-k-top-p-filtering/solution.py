import math


class Solution:
    # Idea: sort indices by (-logit, index), cut to k, softmax the survivors (max-shifted), keep the shortest prefix reaching p. O(n log n) time.
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
            kept.append(i)
            cumulative += w / total
            if cumulative >= p:
                break
        return sorted(kept)
