class Solution {
public:
    // Plausible but wrong: equal values are skipped for the two pointers but not for the first
    // element, so [-1, -1, 0, 1, 2] reports [-1, 0, 1] twice.
    vector<vector<int>> threeSum(vector<int>& nums) {
        sort(nums.begin(), nums.end());
        int n = (int)nums.size();
        vector<vector<int>> out;
        for (int i = 0; i + 2 < n; ++i) {
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
