class Solution {
public:
    // Idea: patience sorting; tails[L] is the smallest tail of an increasing subsequence of length L+1, updated by binary search. O(n log n) time, O(n) space.
    int lengthOfLIS(vector<int>& nums) {
        vector<int> tails;
        for (int x : nums) {
            auto it = lower_bound(tails.begin(), tails.end(), x);  // equal values never extend
            if (it == tails.end()) tails.push_back(x);
            else *it = x;
        }
        return (int)tails.size();
    }
};
