class Solution {
    // Idea: union-find over the edges in input order; the first edge whose ends are already in one
    // set closes the only cycle, and it is the cycle's last edge in the input. O(n α(n)) time.
    func findRedundantConnection(_ edges: [[Int]]) -> [Int] {
        var parent = Array(0...edges.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for edge in edges {
            let ra = find(edge[0])
            let rb = find(edge[1])
            if ra == rb { return edge }
            parent[ra] = rb
        }
        return []
    }
}
