class Solution:
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        return []
