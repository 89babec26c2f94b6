class Solution {
public:
    // Plausible but wrong: the deque holds values, not indices, and evicts equal values too; the
    // value leaving the window is then matched against a later copy of itself and removed early.
    vector<int> maxSlidingWindow(vector<int>& nums, int k) {
        deque<int> dq;
        vector<int> out;
        for (int i = 0; i < (int)nums.size(); ++i) {
            if (i >= k && !dq.empty() && dq.front() == nums[i - k]) dq.pop_front();
            while (!dq.empty() && dq.back() <= nums[i]) dq.pop_back();
            dq.push_back(nums[i]);
            if (i >= k - 1) out.push_back(dq.front());
        }
        return out;
    }
};
