// Idea: level order with "#" for every missing child; reading it back, a queue hands each new node
// the next two tokens as its children. O(n) each way, no recursion (a long chain is fine).
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
        let tokens = data.split(separator: ",").map(String.init)
        guard let first = tokens.first, let value = Int(first) else { return nil }
        let root = TreeNode(value)
        var queue = [root]
        var head = 0
        var k = 1
        while head < queue.count, k < tokens.count {
            let parent = queue[head]
            head += 1
            if let v = Int(tokens[k]) {
                parent.left = TreeNode(v)
                queue.append(parent.left!)
            }
            k += 1
            if k < tokens.count, let v = Int(tokens[k]) {
                parent.right = TreeNode(v)
                queue.append(parent.right!)
            }
            k += 1
        }
        return root
    }
}
