class Solution {
public:
    // Idea: multi-source BFS from every rotten orange at once; each BFS level is one minute.
    // Fresh oranges never reached mean -1. O(m * n) time and space.
    int orangesRotting(vector<vector<int>>& grid) {
        int rows = (int)grid.size(), cols = (int)grid[0].size(), fresh = 0;
        vector<pair<int, int>> frontier;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] == 2) frontier.push_back({r, c});
                if (grid[r][c] == 1) ++fresh;
            }
        const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
        int minutes = 0;
        while (!frontier.empty() && fresh > 0) {
            ++minutes;
            vector<pair<int, int>> next;
            for (auto [r, c] : frontier)
                for (int d = 0; d < 4; ++d) {
                    int nr = r + dr[d], nc = c + dc[d];
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] == 1) {
                        grid[nr][nc] = 2;
                        --fresh;
                        next.push_back({nr, nc});
                    }
                }
            frontier = next;
        }
        return fresh == 0 ? minutes : -1;
    }
};
