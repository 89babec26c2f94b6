class Solution {
    // Idea: a dummy node and a lead pointer n+1 steps ahead; when it falls off, `slow` is just before the target. O(L) time, O(1) space.
    func removeNthFromEnd(_ head: ListNode?, _ n: Int) -> ListNode? {
        let dummy = ListNode(0, head)
        var fast: ListNode? = dummy
        var slow: ListNode = dummy
        for _ in 0...n {
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
