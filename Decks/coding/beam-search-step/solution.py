import heapq


class Solution:
    # Idea: score every (beam, token) candidate and take the k best by (-score, beam, token) with a heap. O(B·V·log k) time.
    def beamSearchStep(self, scores: List[float], logProbs: List[List[float]], k: int) -> List[List[int]]:
        candidates = (
            (-(score + lp), b, t)
            for b, (score, row) in enumerate(zip(scores, logProbs))
            for t, lp in enumerate(row)
        )
        return [[b, t] for _, b, t in heapq.nsmallest(k, candidates)]
