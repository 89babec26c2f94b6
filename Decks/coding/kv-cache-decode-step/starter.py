class Solution:
    def decodeStep(self, k_cache: List[List[float]], v_cache: List[List[float]], q: List[float], k: List[float], v: List[float]) -> List[float]:
        return []
