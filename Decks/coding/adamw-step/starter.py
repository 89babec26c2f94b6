class Solution:
    def adamwStep(self, params: List[float], grads: List[float], m: List[float], v: List[float], t: int, lr: float, beta1: float, beta2: float, eps: float, weight_decay: float) -> List[List[float]]:
        return []
