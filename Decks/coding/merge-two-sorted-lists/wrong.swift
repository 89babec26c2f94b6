class Solution {
    // Plausible but wrong: only list1's leftover is attached after the loop, so a longer list2
    // loses its tail.
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
        tail.next = a
        return dummy.next
    }
}
