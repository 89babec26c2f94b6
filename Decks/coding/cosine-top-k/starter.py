class Solution:
    def cosineTopK(self, query: List[float], docs: List[List[float]], k: int) -> List[int]:
        return []
