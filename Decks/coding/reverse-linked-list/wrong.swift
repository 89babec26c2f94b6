class Solution {
    // Plausible but wrong: reverses the links but returns the old head, which is now the tail.
    func reverseList(_ head: ListNode?) -> ListNode? {
        var prev: ListNode? = nil
        var curr = head
        while let node = curr {
            curr = node.next
            node.next = prev
            prev = node
        }
        return head
    }
}
