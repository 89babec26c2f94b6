class Solution:
    # Plausible but wrong: the BFS is right, but it forgets to check for fresh oranges that no
    # rotten one can reach, so it never answers -1.
    def orangesRotting(self, grid: List[List[int]]) -> int:
        rows, cols = len(grid), len(grid[0])
        grid = [row[:] for row in grid]
        frontier = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 2]
        minutes = 0
        while frontier:
            nxt = []
            for r, c in frontier:
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 1:
                        grid[nr][nc] = 2
                        nxt.append((nr, nc))
            if nxt:
                minutes += 1
            frontier = nxt
        return minutes
