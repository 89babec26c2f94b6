class Solution {
public:
    // Idea: the hours needed only fall as the speed k grows, so binary search the smallest k in
    // [1, max(piles)] that finishes within h hours. O(n log max) time, O(1) space.
    int minEatingSpeed(vector<int>& piles, int h) {
        int lo = 1, hi = *max_element(piles.begin(), piles.end());
        while (lo < hi) {
            int k = lo + (hi - lo) / 2;
            long long hours = 0;  // up to 10^4 piles of 10^9 at speed 1: beyond 32 bits
            for (int p : piles) hours += (p + (long long)k - 1) / k;
            if (hours <= h) hi = k;
            else lo = k + 1;
        }
        return lo;
    }
};
