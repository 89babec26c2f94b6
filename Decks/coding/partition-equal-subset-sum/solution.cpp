class Solution {
public:
    // Idea: 0/1 knapsack over sums up to half the total; the sum loop runs downwards so each number
    // is used at most once. O(n * sum) time, O(sum) space.
    bool canPartition(vector<int>& nums) {
        int total = accumulate(nums.begin(), nums.end(), 0);
        if (total % 2) return false;
        int half = total / 2;
        vector<char> can(half + 1, 0);
        can[0] = 1;
        for (int x : nums) {
            for (int s = half; s >= x; --s) {
                if (can[s - x]) can[s] = 1;
            }
        }
        return can[half];
    }
};
