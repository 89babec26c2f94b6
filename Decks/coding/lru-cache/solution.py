class LRUCache:
    # Idea: a dict from key to node plus a doubly linked list with sentinels, most recent at the
    # front; every use moves the node to the front, eviction takes the node before the tail. O(1) each.
    class _Node:
        __slots__ = ("key", "value", "prev", "next")

        def __init__(self, key=0, value=0):
            self.key, self.value = key, value
            self.prev = self.next = None

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.nodes = {}
        self.head, self.tail = self._Node(), self._Node()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, key: int) -> int:
        node = self.nodes.get(key)
        if node is None:
            return -1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: int, value: int) -> None:
        node = self.nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            if len(self.nodes) == self.capacity:
                oldest = self.tail.prev
                self._unlink(oldest)
                del self.nodes[oldest.key]
            node = self._Node(key, value)
            self.nodes[key] = node
        self._push_front(node)
