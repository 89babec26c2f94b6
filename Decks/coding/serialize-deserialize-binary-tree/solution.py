class Codec:
    # Idea: preorder with "#" for every missing child, written iteratively (a long chain must not
    # exhaust the stack); reading the tokens back in the same order rebuilds the shape. O(n) each way.
    def serialize(self, root: Optional[TreeNode]) -> str:
        out, stack = [], [root]
        while stack:
            node = stack.pop()
            if node is None:
                out.append("#")
            else:
                out.append(str(node.val))
                stack.append(node.right)
                stack.append(node.left)
        return ",".join(out)

    def deserialize(self, data: str) -> Optional[TreeNode]:
        tokens = data.split(",")
        if tokens[0] == "#":
            return None
        root = TreeNode(int(tokens[0]))
        # Each entry: a node and how many of its children have been filled (0 or 1).
        stack = [[root, 0]]
        for token in tokens[1:]:
            while stack and stack[-1][1] == 2:
                stack.pop()
            if not stack:
                break
            parent = stack[-1]
            child = None if token == "#" else TreeNode(int(token))
            if parent[1] == 0:
                parent[0].left = child
            else:
                parent[0].right = child
            parent[1] += 1
            if child is not None:
                stack.append([child, 0])
        return root
