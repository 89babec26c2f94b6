class Solution {
    // Idea: multi-source BFS from every rotten orange at once; each BFS level is one minute.
    // Fresh oranges never reached mean -1. O(m * n) time and space.
    func orangesRotting(_ grid: [[Int]]) -> Int {
        var g = grid
        let rows = g.count
        let cols = g[0].count
        var frontier: [(Int, Int)] = []
        var fresh = 0
        for r in 0..<rows {
            for c in 0..<cols {
                if g[r][c] == 2 { frontier.append((r, c)) }
                if g[r][c] == 1 { fresh += 1 }
            }
        }
        var minutes = 0
        while !frontier.isEmpty && fresh > 0 {
            minutes += 1
            var next: [(Int, Int)] = []
            for (r, c) in frontier {
                for (nr, nc) in [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]
                where nr >= 0 && nr < rows && nc >= 0 && nc < cols && g[nr][nc] == 1 {
                    g[nr][nc] = 2
                    fresh -= 1
                    next.append((nr, nc))
                }
            }
            frontier = next
        }
        return fresh == 0 ? minutes : -1
    }
}
