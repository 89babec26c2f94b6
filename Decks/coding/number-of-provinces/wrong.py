class Solution:
    # Plausible but wrong: one pass of label copying (label[j] = label[i]) with no find, so two
    # groups that only meet later keep different labels and are counted twice.
    def findCircleNum(self, isConnected: List[List[int]]) -> int:
        n = len(isConnected)
        label = list(range(n))
        for i in range(n):
            for j in range(i + 1, n):
                if isConnected[i][j]:
                    label[j] = label[i]
        return len(set(label))
