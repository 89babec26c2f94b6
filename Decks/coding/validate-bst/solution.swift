class Solution {
    // Idea: pass down the open interval (low, high) each subtree must fit in; nil means unbounded. O(n) time, O(h) stack.
    func isValidBST(_ root: TreeNode?) -> Bool {
        func valid(_ node: TreeNode?, _ low: Int?, _ high: Int?) -> Bool {
            guard let node = node else { return true }
            if let low = low, node.val <= low { return false }
            if let high = high, node.val >= high { return false }
            return valid(node.left, low, node.val) && valid(node.right, node.val, high)
        }
        return valid(root, nil, nil)
    }
}
