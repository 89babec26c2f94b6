class Solution {
    // Idea: Kahn's topological sort; repeatedly take a course with no unmet prerequisite. All
    // courses get taken exactly when the graph has no cycle. O(V + E) time and space.
    func canFinish(_ numCourses: Int, _ prerequisites: [[Int]]) -> Bool {
        var unlocks = [[Int]](repeating: [], count: numCourses)
        var indegree = [Int](repeating: 0, count: numCourses)
        for pair in prerequisites {
            unlocks[pair[1]].append(pair[0])
            indegree[pair[0]] += 1
        }
        var ready = (0..<numCourses).filter { indegree[$0] == 0 }
        var head = 0
        while head < ready.count {
            let c = ready[head]
            head += 1
            for next in unlocks[c] {
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        return ready.count == numCourses
    }
}
