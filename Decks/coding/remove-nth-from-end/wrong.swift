class Solution {
    // Plausible but wrong: the lead pointer is only n steps ahead of the dummy, so the node
    // after the target is removed instead (and n == 1 removes nothing).
    func removeNthFromEnd(_ head: ListNode?, _ n: Int) -> ListNode? {
        let dummy = ListNode(0, head)
        var fast: ListNode? = dummy
        var slow: ListNode = dummy
        for _ in 0..<n {
            fast = fast?.next
        }
        while fast != nil {
            fast = fast?.next
            if let next = slow.next { slow = next }
        }
        slow.next = slow.next?.next
        return dummy.next
    }
}
