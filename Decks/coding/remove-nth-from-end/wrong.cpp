class Solution {
public:
    // Plausible but wrong: counts the length, then removes the n-th node from the front.
    ListNode* removeNthFromEnd(ListNode* head, int n) {
        ListNode dummy(0, head);
        ListNode* prev = &dummy;
        for (int i = 1; i < n; ++i) prev = prev->next;
        prev->next = prev->next->next;
        return dummy.next;
    }
};
