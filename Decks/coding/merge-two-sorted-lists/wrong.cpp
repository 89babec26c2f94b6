class Solution {
public:
    // Plausible but wrong: alternates between the lists instead of comparing their heads.
    ListNode* mergeTwoLists(ListNode* list1, ListNode* list2) {
        ListNode dummy;
        ListNode* tail = &dummy;
        bool first = true;
        while (list1 != nullptr && list2 != nullptr) {
            ListNode*& taken = first ? list1 : list2;
            tail->next = taken;
            tail = taken;
            taken = taken->next;
            first = !first;
        }
        tail->next = (list1 != nullptr) ? list1 : list2;
        return dummy.next;
    }
};
