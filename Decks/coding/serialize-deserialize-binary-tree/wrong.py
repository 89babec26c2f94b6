class Codec:
    # Plausible but wrong: writes the values in level order but drops the empty slots, then refills
    # them as a complete tree — the shape survives only when the tree happens to be complete.
    def serialize(self, root: Optional[TreeNode]) -> str:
        out, queue = [], [root] if root else []
        while queue:
            node = queue.pop(0)
            out.append(str(node.val))
            queue += [child for child in (node.left, node.right) if child]
        return " ".join(out)

    def deserialize(self, data: str) -> Optional[TreeNode]:
        nodes = [TreeNode(int(x)) for x in data.split()]
        for i, node in enumerate(nodes):
            if 2 * i + 1 < len(nodes):
                node.left = nodes[2 * i + 1]
            if 2 * i + 2 < len(nodes):
                node.right = nodes[2 * i + 2]
        return nodes[0] if nodes else None
