class Solution {
    // Idea: divide and conquer — merge the lists in pairs, halving their number each round, so each
    // node is touched O(log k) times. O(N log k) time, O(1) extra space besides the array.
    func mergeKLists(_ lists: [ListNode?]) -> ListNode? {
        var round = lists
        if round.isEmpty { return nil }
        while round.count > 1 {
            var next: [ListNode?] = []
            var i = 0
            while i < round.count {
                next.append(i + 1 < round.count ? merge(round[i], round[i + 1]) : round[i])
                i += 2
            }
            round = next
        }
        return round[0]
    }

    private func merge(_ a: ListNode?, _ b: ListNode?) -> ListNode? {
        let dummy = ListNode(0)
        var tail = dummy
        var a = a
        var b = b
        while let x = a, let y = b {
            if x.val <= y.val {
                tail.next = x
                a = x.next
            } else {
                tail.next = y
                b = y.next
            }
            tail = tail.next!
        }
        tail.next = a ?? b
        return dummy.next
    }
}
