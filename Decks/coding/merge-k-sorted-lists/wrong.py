class Solution:
    # Plausible but wrong: merges the lists one after another into the result, but the inner merge
    # stops when either list runs out and forgets to attach the rest of the other one.
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        result = None
        for head in lists:
            dummy = tail = ListNode()
            a, b = result, head
            while a and b:
                if a.val <= b.val:
                    tail.next, a = a, a.next
                else:
                    tail.next, b = b, b.next
                tail = tail.next
            if result is None:
                tail.next = b
            result = dummy.next
        return result
