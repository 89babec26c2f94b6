class Solution:
    # Plausible but wrong: the loop stops one node early (`curr.next`), so the last node is lost.
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        curr = head
        while curr and curr.next:
            nxt = curr.next
            curr.next = prev
            prev = curr
            curr = nxt
        return prev
