class Solution {
    // Plausible but wrong: a depth-first walk that appends right before left, so each level comes
    // out mirrored.
    func levelOrder(_ root: TreeNode?) -> [[Int]] {
        var levels: [[Int]] = []
        func visit(_ node: TreeNode?, _ depth: Int) {
            guard let node else { return }
            if levels.count == depth { levels.append([]) }
            levels[depth].append(node.val)
            visit(node.right, depth + 1)
            visit(node.left, depth + 1)
        }
        visit(root, 0)
        return levels
    }
}
