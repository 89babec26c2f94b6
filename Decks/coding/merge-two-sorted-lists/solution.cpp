class Solution {
public:
    // Idea: a dummy tail takes the smaller head each step, then the leftover list is attached whole. O(m + n) time, O(1) space.
    ListNode* mergeTwoLists(ListNode* list1, ListNode* list2) {
        ListNode dummy;
        ListNode* tail = &dummy;
        while (list1 != nullptr && list2 != nullptr) {
            ListNode*& smaller = (list1->val <= list2->val) ? list1 : list2;
            tail->next = smaller;
            tail = smaller;
            smaller = smaller->next;
        }
        tail->next = (list1 != nullptr) ? list1 : list2;
        return dummy.next;
    }
};
