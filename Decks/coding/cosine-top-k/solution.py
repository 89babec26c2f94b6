import math


class Solution:
    # Idea: cosine = dot / (|q| |d|) per document (0 for a zero document), then sort indices by (-similarity, index). O(N·d + N log N) time.
    def cosineTopK(self, query: List[float], docs: List[List[float]], k: int) -> List[int]:
        q_norm = math.sqrt(sum(x * x for x in query))

        def similarity(doc: List[float]) -> float:
            d_norm = math.sqrt(sum(x * x for x in doc))
            if d_norm == 0:
                return 0.0
            return sum(a * b for a, b in zip(query, doc)) / (q_norm * d_norm)

        sims = [similarity(doc) for doc in docs]
        return sorted(range(len(docs)), key=lambda i: (-sims[i], i))[:k]
