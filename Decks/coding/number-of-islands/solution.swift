class Solution {
    // Idea: union-find over the land cells; every pair of adjacent land cells is a union, and each
    // union that joins two different sets removes one island from the count. O(m·n·α) time.
    func numIslands(_ grid: [[Character]]) -> Int {
        let rows = grid.count
        let cols = grid[0].count
        var parent = Array(0..<(rows * cols))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var islands = 0
        for r in 0..<rows {
            for c in 0..<cols where grid[r][c] == "1" {
                islands += 1
                for (x, y) in [(r - 1, c), (r, c - 1)] where x >= 0 && y >= 0 && grid[x][y] == "1" {
                    let a = find(r * cols + c)
                    let b = find(x * cols + y)
                    if a != b {
                        parent[a] = b
                        islands -= 1
                    }
                }
            }
        }
        return islands
    }
}
