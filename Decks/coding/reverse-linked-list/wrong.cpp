class Solution {
public:
    // Plausible but wrong: the loop stops at the last node (head->next), which is never linked
    // back, so it is lost from the result.
    ListNode* reverseList(ListNode* head) {
        if (head == nullptr) return nullptr;
        ListNode* prev = nullptr;
        while (head->next != nullptr) {
            ListNode* next = head->next;
            head->next = prev;
            prev = head;
            head = next;
        }
        return prev ? prev : head;
    }
};
