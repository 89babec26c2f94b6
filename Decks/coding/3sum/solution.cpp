class Solution {
public:
    // Idea: sort, fix the smallest element, then close two pointers on the rest; skipping equal
    // neighbours at every level keeps each triplet once. O(n^2) time, O(1) extra besides the output.
    vector<vector<int>> threeSum(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int n = (int)nums.size();
        vector<vector<int>> out;
        for (int i = 0; i + 2 < n && nums[i] <= 0; ++i) {
            if (i > 0 && nums[i] == nums[i - 1]) continue;
            int lo = i + 1, hi = n - 1;
            while (lo < hi) {
                int s = nums[i] + nums[lo] + nums[hi];
                if (s < 0) {
                    ++lo;
                } else if (s > 0) {
                    --hi;
                } else {
                    out.push_back({nums[i], nums[lo], nums[hi]});
                    ++lo;
                    --hi;
                    while (lo < hi && nums[lo] == nums[lo - 1]) ++lo;
                }
            }
        }
        return out;
    }
};
