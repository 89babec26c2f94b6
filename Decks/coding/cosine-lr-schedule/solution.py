import math


class Solution:
    # Idea: three regimes checked in order (warmup, past the end, cosine); O(1).
    def getLr(self, step: int, warmupSteps: int, totalSteps: int, maxLr: float, minLr: float) -> float:
        if step < warmupSteps:
            return maxLr * (step + 1) / warmupSteps
        if step >= totalSteps:
            return minLr
        progress = (step - warmupSteps) / (totalSteps - warmupSteps)
        return minLr + 0.5 * (maxLr - minLr) * (1 + math.cos(math.pi * progress))
