class Solution {
    // Idea: postorder; a subtree reports p or q if it holds one, and the first node whose two
    // subtrees both report something (or which is p or q itself) is the answer. O(n) time.
    func lowestCommonAncestor(_ root: TreeNode?, _ p: TreeNode?, _ q: TreeNode?) -> TreeNode? {
        guard let root else { return nil }
        if root === p || root === q { return root }
        let left = lowestCommonAncestor(root.left, p, q)
        let right = lowestCommonAncestor(root.right, p, q)
        if left != nil && right != nil { return root }
        return left ?? right
    }
}
