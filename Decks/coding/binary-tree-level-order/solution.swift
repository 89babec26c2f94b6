class Solution {
    // Idea: BFS one level at a time; the next level is built from the children of the current one. O(n) time, O(width) extra space.
    func levelOrder(_ root: TreeNode?) -> [[Int]] {
        var levels: [[Int]] = []
        var current: [TreeNode] = root.map { [$0] } ?? []
        while !current.isEmpty {
            levels.append(current.map { $0.val })
            current = current.flatMap { [$0.left, $0.right].compactMap { $0 } }
        }
        return levels
    }
}
