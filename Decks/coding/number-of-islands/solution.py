class Solution:
    # Idea: scan the grid; each unvisited '1' starts a new island, flooded with a BFS that turns
    # its land to '0' so it is not counted again. O(m·n) time, O(min(m, n)) queue on average.
    def numIslands(self, grid: List[List[str]]) -> int:
        rows, cols = len(grid), len(grid[0])
        islands = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != "1":
                    continue
                islands += 1
                grid[r][c] = "0"
                queue = collections.deque([(r, c)])
                while queue:
                    i, j = queue.popleft()
                    for x, y in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                        if 0 <= x < rows and 0 <= y < cols and grid[x][y] == "1":
                            grid[x][y] = "0"
                            queue.append((x, y))
        return islands
