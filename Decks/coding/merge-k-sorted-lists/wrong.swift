class Solution {
    // Plausible but wrong: concatenates the lists and sorts only their first values, as if each
    // list held a single node.
    func mergeKLists(_ lists: [ListNode?]) -> ListNode? {
        let heads = lists.compactMap { $0 }.sorted { $0.val < $1.val }
        for (i, node) in heads.enumerated() {
            node.next = i + 1 < heads.count ? heads[i + 1] : nil
        }
        return heads.first
    }
}
