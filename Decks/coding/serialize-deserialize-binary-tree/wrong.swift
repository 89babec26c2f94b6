// Plausible but wrong: level order with "#" markers, but the reader places children by heap index
// (2i+1, 2i+2), which only holds while no earlier slot is empty.
class Codec {
    func serialize(_ root: TreeNode?) -> String {
        var out: [String] = []
        var queue: [TreeNode?] = [root]
        var i = 0
        while i < queue.count {
            let node = queue[i]
            i += 1
            if let node {
                out.append(String(node.val))
                queue.append(node.left)
                queue.append(node.right)
            } else {
                out.append("#")
            }
        }
        return out.joined(separator: ",")
    }

    func deserialize(_ data: String) -> TreeNode? {
        let nodes = data.split(separator: ",").map { Int($0).map { TreeNode($0) } }
        for (i, node) in nodes.enumerated() {
            guard let node else { continue }
            if 2 * i + 1 < nodes.count { node.left = nodes[2 * i + 1] }
            if 2 * i + 2 < nodes.count { node.right = nodes[2 * i + 2] }
        }
        return nodes.first ?? nil
    }
}
