class Solution:
    # Plausible but wrong: no dummy node, so the lead is only n steps ahead of `head`
    # and removing the head itself (n == length) falls off the end.
    def removeNthFromEnd(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        fast = slow = head
        for _ in range(n):
            fast = fast.next
        if fast is None:
            return head  # forgot that this means "remove the head"
        while fast.next:
            fast = fast.next
            slow = slow.next
        slow.next = slow.next.next
        return head
