class Solution:
    def findCircleNum(self, isConnected: List[List[int]]) -> int:
        return 0
