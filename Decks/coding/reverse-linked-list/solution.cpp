class Solution {
public:
    // Idea: walk the list once, pointing each node back at its predecessor. O(n) time, O(1) space.
    ListNode* reverseList(ListNode* head) {
        ListNode* prev = nullptr;
        while (head != nullptr) {
            ListNode* next = head->next;
            head->next = prev;
            prev = head;
            head = next;
        }
        return prev;
    }
};
