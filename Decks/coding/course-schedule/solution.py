class Solution:
    # Idea: Kahn's topological sort; repeatedly take a course with no unmet prerequisite. All
    # courses get taken exactly when the graph has no cycle. O(V + E) time and space.
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        unlocks = [[] for _ in range(numCourses)]
        indegree = [0] * numCourses
        for course, before in prerequisites:
            unlocks[before].append(course)
            indegree[course] += 1
        ready = collections.deque(c for c in range(numCourses) if indegree[c] == 0)
        taken = 0
        while ready:
            c = ready.popleft()
            taken += 1
            for nxt in unlocks[c]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    ready.append(nxt)
        return taken == numCourses
