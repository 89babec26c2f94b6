import math


class Solution:
    # Plausible but wrong: warms up with step / warmupSteps, so step 0 gets a learning rate of 0.
    def getLr(self, step: int, warmupSteps: int, totalSteps: int, maxLr: float, minLr: float) -> float:
        if step < warmupSteps:
            return maxLr * step / warmupSteps
        if step >= totalSteps:
            return minLr
        progress = (step - warmupSteps) / (totalSteps - warmupSteps)
        return minLr + 0.5 * (maxLr - minLr) * (1 + math.cos(math.pi * progress))
