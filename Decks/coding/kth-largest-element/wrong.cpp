class Solution {
public:
    // Plausible but wrong: duplicates are removed first, so this finds the k-th largest distinct
    // value, not the k-th element of the sorted order.
    int findKthLargest(vector<int>& nums, int k) {
        set<int, greater<int>> distinct(nums.begin(), nums.end());
        auto it = distinct.begin();
        advance(it, min(k, (int)distinct.size()) - 1);
        return *it;
    }
};
