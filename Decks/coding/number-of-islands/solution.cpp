class Solution {
public:
    // Idea: scan the grid; each unvisited '1' starts a new island, flooded with an explicit-stack
    // DFS that turns its land to '0'. O(m·n) time, no recursion (a long snake of land is fine).
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size(), islands = 0;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] != '1') continue;
                ++islands;
                grid[r][c] = '0';
                vector<pair<int, int>> stack{{r, c}};
                while (!stack.empty()) {
                    auto [i, j] = stack.back();
                    stack.pop_back();
                    const int dx[] = {1, -1, 0, 0}, dy[] = {0, 0, 1, -1};
                    for (int d = 0; d < 4; ++d) {
                        int x = i + dx[d], y = j + dy[d];
                        if (x >= 0 && x < rows && y >= 0 && y < cols && grid[x][y] == '1') {
                            grid[x][y] = '0';
                            stack.push_back({x, y});
                        }
                    }
                }
            }
        }
        return islands;
    }
};
