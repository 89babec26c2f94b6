class Solution {
    // Plausible but wrong: the DFS keeps one "visited" mark instead of "on the current path" vs
    // "finished", so reaching a course again along a second path (a diamond) looks like a cycle.
    func canFinish(_ numCourses: Int, _ prerequisites: [[Int]]) -> Bool {
        var needs = [[Int]](repeating: [], count: numCourses)
        for pair in prerequisites { needs[pair[0]].append(pair[1]) }
        var visited = [Bool](repeating: false, count: numCourses)

        func hasCycle(_ c: Int) -> Bool {
            if visited[c] { return true }
            visited[c] = true
            for b in needs[c] where hasCycle(b) { return true }
            return false
        }

        for c in 0..<numCourses where !visited[c] && hasCycle(c) { return false }
        return true
    }
}
