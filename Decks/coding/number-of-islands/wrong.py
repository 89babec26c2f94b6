class Solution:
    # Plausible but wrong: also treats diagonal neighbours as connected (8 directions).
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        islands = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != "1":
                    continue
                islands += 1
                grid[r][c] = "0"
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for dx in (-1, 0, 1):
                        for dy in (-1, 0, 1):
                            x, y = i + dx, j + dy
                            if 0 <= x < rows and 0 <= y < cols and grid[x][y] == "1":
                                grid[x][y] = "0"
                                stack.append((x, y))
        return islands
