class Solution {
    // Plausible but wrong: returns as soon as one subtree finds a target, without checking the
    // other side, so a split between the subtrees reports the deeper node instead of the root.
    func lowestCommonAncestor(_ root: TreeNode?, _ p: TreeNode?, _ q: TreeNode?) -> TreeNode? {
        guard let root else { return nil }
        if root === p || root === q { return root }
        if let left = lowestCommonAncestor(root.left, p, q) { return left }
        return lowestCommonAncestor(root.right, p, q)
    }
}
