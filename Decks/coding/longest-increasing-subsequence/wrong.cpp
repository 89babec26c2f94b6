class Solution {
public:
    // Plausible but wrong: upper_bound lets equal values extend a subsequence, so it counts
    // non-decreasing subsequences.
    int lengthOfLIS(vector<int>& nums) {
        vector<int> tails;
        for (int x : nums) {
            auto it = upper_bound(tails.begin(), tails.end(), x);
            if (it == tails.end()) tails.push_back(x);
            else *it = x;
        }
        return (int)tails.size();
    }
};
