class Solution:
    def multiHeadAttention(self, x: List[List[float]], wq: List[List[float]], wk: List[List[float]], wv: List[List[float]], wo: List[List[float]], num_heads: int) -> List[List[float]]:
        return []
