class Solution:
    # Plausible but wrong: ranks candidates by the next-token log-probability alone, forgetting the beam's cumulative score.
    def beamSearchStep(self, scores: List[float], logProbs: List[List[float]], k: int) -> List[List[int]]:
        candidates = [(-lp, b, t) for b, row in enumerate(logProbs) for t, lp in enumerate(row)]
        candidates.sort()
        return [[b, t] for _, b, t in candidates[:k]]
