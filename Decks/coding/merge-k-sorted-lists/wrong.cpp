class Solution {
public:
    // Plausible but wrong: the heap comparator is reversed (a max-heap), so the merged list comes
    // out in the wrong order.
    ListNode* mergeKLists(vector<ListNode*>& lists) {
        auto earlier = [](ListNode* a, ListNode* b) { return a->val < b->val; };
        priority_queue<ListNode*, vector<ListNode*>, decltype(earlier)> heap(earlier);
        for (ListNode* head : lists)
            if (head) heap.push(head);
        ListNode dummy;
        ListNode* tail = &dummy;
        while (!heap.empty()) {
            ListNode* node = heap.top();
            heap.pop();
            tail->next = node;
            tail = node;
            if (node->next) heap.push(node->next);
        }
        tail->next = nullptr;
        return dummy.next;
    }
};
