class Solution:
    # Idea: a dummy node and a lead pointer n+1 steps ahead; when it falls off, `slow` is just before the target. O(L) time, O(1) space.
    def removeNthFromEnd(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        dummy = ListNode(0, head)
        fast = slow = dummy
        for _ in range(n + 1):
            fast = fast.next
        while fast:
            fast = fast.next
            slow = slow.next
        slow.next = slow.next.next
        return dummy.next
