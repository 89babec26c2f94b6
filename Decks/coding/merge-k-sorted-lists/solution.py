class Solution:
    # Idea: a min-heap of (value, list index, node) holding each list's current head; pop the
    # smallest, append it, push its successor. The index breaks ties (nodes do not compare).
    # O(N log k) time, O(k) extra space.
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        heap = [(node.val, i, node) for i, node in enumerate(lists) if node]
        heapq.heapify(heap)
        dummy = tail = ListNode()
        while heap:
            _, i, node = heapq.heappop(heap)
            tail.next = tail = node
            if node.next:
                heapq.heappush(heap, (node.next.val, i, node.next))
        tail.next = None
        return dummy.next
