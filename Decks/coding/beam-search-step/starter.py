class Solution:
    def beamSearchStep(self, scores: List[float], logProbs: List[List[float]], k: int) -> List[List[int]]:
        return []
