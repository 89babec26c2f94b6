class Solution:
    # Plausible but wrong: the DFS keeps one "visited" mark instead of "on the current path" vs
    # "finished", so reaching a course again along a second path (a diamond) looks like a cycle.
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            needs[course].append(before)
        visited = [False] * numCourses

        def has_cycle(c):
            if visited[c]:
                return True
            visited[c] = True
            return any(has_cycle(b) for b in needs[c])

        for c in range(numCourses):
            if not visited[c] and has_cycle(c):
                return False
        return True
