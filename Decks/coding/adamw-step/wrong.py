import math


class Solution:
    # Plausible but wrong: this is Adam with L2 regularization, not AdamW: the decay term is added
    # to the gradient, so it flows through the moments and gets rescaled by sqrt(v).
    def adamwStep(self, params: List[float], grads: List[float], m: List[float], v: List[float], t: int, lr: float, beta1: float, beta2: float, eps: float, weight_decay: float) -> List[List[float]]:
        c1 = 1.0 - beta1 ** t
        c2 = 1.0 - beta2 ** t
        new_p, new_m, new_v = [], [], []
        for p, g, mi, vi in zip(params, grads, m, v):
            g = g + weight_decay * p
            mi = beta1 * mi + (1.0 - beta1) * g
            vi = beta2 * vi + (1.0 - beta2) * g * g
            p -= lr * (mi / c1) / (math.sqrt(vi / c2) + eps)
            new_p.append(p)
            new_m.append(mi)
            new_v.append(vi)
        return [new_p, new_m, new_v]
