class Solution {
public:
    // Plausible but wrong: the heap keeps the k least frequent values (a max-heap that pops the
    // largest count).
    vector<int> topKFrequent(vector<int>& nums, int k) {
        unordered_map<int, int> counts;
        for (int x : nums) ++counts[x];
        priority_queue<pair<int, int>> heap;
        for (const auto& [value, count] : counts) {
            heap.emplace(count, value);
            if ((int)heap.size() > k) heap.pop();
        }
        vector<int> result;
        while (!heap.empty()) {
            result.push_back(heap.top().second);
            heap.pop();
        }
        return result;
    }
};
