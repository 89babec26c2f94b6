class Solution {
public:
    // Plausible but wrong: the BFS is right, but it forgets to check for fresh oranges that no
    // rotten one can reach, so it never answers -1.
    int orangesRotting(vector<vector<int>>& grid) {
        int rows = (int)grid.size(), cols = (int)grid[0].size();
        vector<pair<int, int>> frontier;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                if (grid[r][c] == 2) frontier.push_back({r, c});
        const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
        int minutes = 0;
        while (!frontier.empty()) {
            vector<pair<int, int>> next;
            for (auto [r, c] : frontier)
                for (int d = 0; d < 4; ++d) {
                    int nr = r + dr[d], nc = c + dc[d];
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] == 1) {
                        grid[nr][nc] = 2;
                        next.push_back({nr, nc});
                    }
                }
            if (!next.empty()) ++minutes;
            frontier = next;
        }
        return minutes;
    }
};
