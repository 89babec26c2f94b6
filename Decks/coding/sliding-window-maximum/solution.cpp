class Solution {
public:
    // Idea: monotonic deque of indices whose values decrease from front to back; a new value
    // evicts the smaller ones behind it (they can never be a maximum again), and the front
    // leaves once it falls out of the window. Each index enters and leaves once: O(n) time.
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> dq;
        vector<int> out;
        for (int i = 0; i < (int)nums.size(); ++i) {
            while (!dq.empty() && nums[dq.back()] <= nums[i]) dq.pop_back();
            dq.push_back(i);
            if (dq.front() <= i - k) dq.pop_front();
            if (i >= k - 1) out.push_back(nums[dq.front()]);
        }
        return out;
    }
};
