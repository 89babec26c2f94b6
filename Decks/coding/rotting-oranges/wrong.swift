class Solution {
    // Plausible but wrong: the BFS is right, but it forgets to check for fresh oranges that no
    // rotten one can reach, so it never answers -1.
    func orangesRotting(_ grid: [[Int]]) -> Int {
        var g = grid
        let rows = g.count
        let cols = g[0].count
        var frontier: [(Int, Int)] = []
        for r in 0..<rows {
            for c in 0..<cols where g[r][c] == 2 { frontier.append((r, c)) }
        }
        var minutes = 0
        while !frontier.isEmpty {
            var next: [(Int, Int)] = []
            for (r, c) in frontier {
                for (nr, nc) in [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]
                where nr >= 0 && nr < rows && nc >= 0 && nc < cols && g[nr][nc] == 1 {
                    g[nr][nc] = 2
                    next.append((nr, nc))
                }
            }
            if !next.isEmpty { minutes += 1 }
            frontier = next
        }
        return minutes
    }
}
