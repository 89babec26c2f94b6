class Solution {
public:
    // Idea: count with a hash map, then keep the k most frequent in a min-heap of (count, value). O(n log k) time, O(n) space.
    vector<int> topKFrequent(vector<int>& nums, int k) {
        unordered_map<int, int> counts;
        for (int x : nums) ++counts[x];
        priority_queue<pair<int, int>, vector<pair<int, int>>, greater<pair<int, int>>> heap;
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
