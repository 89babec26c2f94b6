class Solution:
    # Plausible but wrong: keeps a set of seen nodes instead of connected sets, so an edge between
    # two nodes that were seen in different trees is taken for the one closing a cycle.
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        seen = set()
        for a, b in edges:
            if a in seen and b in seen:
                return [a, b]
            seen.update((a, b))
        return []
