class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        return False
