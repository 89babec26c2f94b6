class Solution:
    def bpeTrain(self, words: List[str], numMerges: int) -> List[str]:
        return []
