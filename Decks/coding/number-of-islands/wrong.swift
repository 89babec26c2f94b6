class Solution {
    // Plausible but wrong: counts a new island whenever a land cell has no land above it or to its
    // left, which splits U-shaped islands into several.
    func numIslands(_ grid: [[Character]]) -> Int {
        var islands = 0
        for r in 0..<grid.count {
            for c in 0..<grid[r].count where grid[r][c] == "1" {
                let up = r > 0 && grid[r - 1][c] == "1"
                let left = c > 0 && grid[r][c - 1] == "1"
                if !up && !left { islands += 1 }
            }
        }
        return islands
    }
}
