class Solution {
    // Plausible but wrong: checks each node only against its own children, not against every
    // ancestor's bound.
    func isValidBST(_ root: TreeNode?) -> Bool {
        guard let root else { return true }
        if let left = root.left, left.val >= root.val { return false }
        if let right = root.right, right.val <= root.val { return false }
        return isValidBST(root.left) && isValidBST(root.right)
    }
}
