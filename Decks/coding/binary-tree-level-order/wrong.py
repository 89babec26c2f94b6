class Solution:
    # Plausible but wrong: the "queue" is a Python list used with pop(), i.e. a stack,
    # so nodes within a level come out in the wrong order.
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        if root is None:
            return []
        levels = []
        queue = [root]
        while queue:
            level = []
            for _ in range(len(queue)):
                node = queue.pop()
                level.append(node.val)
                if node.left:
                    queue.append(node.left)
                if node.right:
                    queue.append(node.right)
            levels.append(level)
        return levels
