class Solution:
    def getLr(self, step: int, warmupSteps: int, totalSteps: int, maxLr: float, minLr: float) -> float:
        return 0.0
