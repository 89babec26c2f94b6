class Solution {
    func isValidBST(_ root: TreeNode?) -> Bool {
        return false
    }
}
