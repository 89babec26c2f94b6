class Solution:
    # Idea: walk the list once, pointing each node back at its predecessor. O(n) time, O(1) space.
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        curr = head
        while curr:
            curr.next, prev, curr = prev, curr, curr.next
        return prev
