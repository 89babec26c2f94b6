class Solution:
    def crossEntropyLoss(self, logits: List[List[float]], targets: List[int]) -> float:
        return 0.0
