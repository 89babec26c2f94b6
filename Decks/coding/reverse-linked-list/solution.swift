class Solution {
    // Idea: walk the list once, pointing each node back at its predecessor. O(n) time, O(1) space.
    func reverseList(_ head: ListNode?) -> ListNode? {
        var prev: ListNode? = nil
        var curr = head
        while let node = curr {
            curr = node.next
            node.next = prev
            prev = node
        }
        return prev
    }
}
