class Solution {
public:
    // Idea: a dummy node and a lead pointer n+1 steps ahead; when it falls off, `slow` is just before the target. O(L) time, O(1) space.
    ListNode* removeNthFromEnd(ListNode* head, int n) {
        ListNode dummy(0, head);
        ListNode* fast = &dummy;
        ListNode* slow = &dummy;
        for (int i = 0; i <= n; ++i) fast = fast->next;
        while (fast != nullptr) {
            fast = fast->next;
            slow = slow->next;
        }
        slow->next = slow->next->next;  // the caller owns the nodes; we only unlink
        return dummy.next;
    }
};
