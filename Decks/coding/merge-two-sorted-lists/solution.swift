class Solution {
    // Idea: a dummy tail takes the smaller head each step, then the leftover list is attached whole. O(m + n) time, O(1) space.
    func mergeTwoLists(_ list1: ListNode?, _ list2: ListNode?) -> ListNode? {
        let dummy = ListNode()
        var tail = dummy
        var a = list1
        var b = list2
        while let x = a, let y = b {
            if x.val <= y.val {
                tail.next = x
                tail = x
                a = x.next
            } else {
                tail.next = y
                tail = y
                b = y.next
            }
        }
        tail.next = a ?? b
        return dummy.next
    }
}
