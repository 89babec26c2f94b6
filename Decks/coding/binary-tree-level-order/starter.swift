class Solution {
    func levelOrder(_ root: TreeNode?) -> [[Int]] {
        return []
    }
}
