class Solution:
    # Idea: union-find over the edges in input order; the first edge whose ends are already in one
    # set closes the only cycle, and it is the cycle's last edge in the input. O(n α(n)) time.
    def findRedundantConnection(self, edges: List[List[int]]) -> List[int]:
        parent = list(range(len(edges) + 1))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in edges:
            ra, rb = find(a), find(b)
            if ra == rb:
                return [a, b]
            parent[ra] = rb
        return []
