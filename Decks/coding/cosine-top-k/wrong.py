class Solution:
    # Plausible but wrong: ranks by the raw dot product, so long documents win regardless of direction.
    def cosineTopK(self, query: List[float], docs: List[List[float]], k: int) -> List[int]:
        scores = [sum(a * b for a, b in zip(query, doc)) for doc in docs]
        return sorted(range(len(docs)), key=lambda i: (-scores[i], i))[:k]
