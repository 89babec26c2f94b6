import math


class Solution:
    # Plausible but wrong: stops before the token that makes the mass reach p, so the nucleus
    # misses its last token (it keeps at least one token).
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
            if nucleus and mass + probs[i] >= p:
                break
            nucleus.append(i)
            mass += probs[i]
        x = (6364136223846793005 * seed + 1442695040888963407) % (1 << 64)
        u = (x >> 11) / float(1 << 53)
        target = u * mass
        acc = 0.0
        for i in nucleus:
            acc += probs[i]
            if acc > target:
                return i
        return nucleus[-1]
