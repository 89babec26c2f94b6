class Solution {
    // Plausible but wrong: keeps a set of seen nodes instead of connected sets, so an edge between
    // two nodes that were seen in different trees is taken for the one closing a cycle.
    func findRedundantConnection(_ edges: [[Int]]) -> [Int] {
        var seen = Set<Int>()
        for edge in edges {
            if seen.contains(edge[0]) && seen.contains(edge[1]) { return edge }
            seen.insert(edge[0])
            seen.insert(edge[1])
        }
        return []
    }
}
