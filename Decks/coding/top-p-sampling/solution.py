import math


class Solution:
    # Idea: softmax of logits / temperature, order tokens by logit (descending, index ascending),
    # keep the shortest prefix whose probability reaches p, then walk that prefix until the running
    # sum exceeds u · (prefix mass) for one LCG draw u. Loops instead of sum() so the additions
    # happen in the statement's order. O(n log n) time.
    def topPSample(self, logits: List[float], p: float, temperature: float, seed: int) -> int:
        z = [x / temperature for x in logits]
        m = max(z)
        e = [math.exp(x - m) for x in z]
        total = 0.0
        for x in e:
            total += x
        probs = [x / total for x in e]
        order = sorted(range(len(logits)), key=lambda i: (-logits[i], i))
        nucleus = []
        mass = 0.0
        for i in order:
            nucleus.append(i)
            mass += probs[i]
            if mass >= p:
                break
        x = (6364136223846793005 * seed + 1442695040888963407) % (1 << 64)
        u = (x >> 11) / float(1 << 53)
        target = u * mass
        acc = 0.0
        for i in nucleus:
            acc += probs[i]
            if acc > target:
                return i
        return nucleus[-1]
