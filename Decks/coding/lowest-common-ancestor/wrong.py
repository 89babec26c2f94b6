class Solution:
    # Plausible but wrong: treats the tree as a binary search tree and walks by comparing values,
    # which only works when the tree happens to be ordered.
    def lowestCommonAncestor(self, root: TreeNode, p: TreeNode, q: TreeNode) -> TreeNode:
        node = root
        while node:
            if p.val < node.val and q.val < node.val:
                node = node.left
            elif p.val > node.val and q.val > node.val:
                node = node.right
            else:
                return node
        return root
