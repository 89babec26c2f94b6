// Idea: a dictionary from key to node plus a doubly linked list with sentinels, most recent at the
// front; every use moves the node to the front, eviction takes the node before the tail. O(1) each.
class LRUCache {
    private final class Node {
        let key: Int
        var value: Int
        var prev: Node?
        var next: Node?
        init(_ key: Int, _ value: Int) { self.key = key; self.value = value }
    }

    private let capacity: Int
    private var nodes: [Int: Node] = [:]
    private let head = Node(0, 0)
    private let tail = Node(0, 0)

    init(_ capacity: Int) {
        self.capacity = capacity
        head.next = tail
        tail.prev = head
    }

    private func unlink(_ node: Node) {
        node.prev?.next = node.next
        node.next?.prev = node.prev
    }

    private func pushFront(_ node: Node) {
        node.prev = head
        node.next = head.next
        head.next?.prev = node
        head.next = node
    }

    func get(_ key: Int) -> Int {
        guard let node = nodes[key] else { return -1 }
        unlink(node)
        pushFront(node)
        return node.value
    }

    func put(_ key: Int, _ value: Int) {
        if let node = nodes[key] {
            node.value = value
            unlink(node)
            pushFront(node)
            return
        }
        if nodes.count == capacity, let oldest = tail.prev, oldest !== head {
            unlink(oldest)
            nodes[oldest.key] = nil
        }
        let node = Node(key, value)
        nodes[key] = node
        pushFront(node)
    }
}
