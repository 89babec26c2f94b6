class Solution {
public:
    // Plausible but wrong: compares the cells with the integer 1 instead of the character '1', so
    // no land is ever found.
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size(), islands = 0;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] != 1) continue;
                ++islands;
                grid[r][c] = 0;
                vector<pair<int, int>> stack{{r, c}};
                while (!stack.empty()) {
                    auto [i, j] = stack.back();
                    stack.pop_back();
                    const int dx[] = {1, -1, 0, 0}, dy[] = {0, 0, 1, -1};
                    for (int d = 0; d < 4; ++d) {
                        int x = i + dx[d], y = j + dy[d];
                        if (x >= 0 && x < rows && y >= 0 && y < cols && grid[x][y] == 1) {
                            grid[x][y] = 0;
                            stack.push_back({x, y});
                        }
                    }
                }
            }
        }
        return islands;
    }
};
