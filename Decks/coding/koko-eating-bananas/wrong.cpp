class Solution {
public:
    // Plausible but wrong: hours per pile are rounded down (p / k), so a pile's leftover bananas
    // cost no extra hour and the speed comes out too low.
    int minEatingSpeed(vector<int>& piles, int h) {
        int lo = 1, hi = *max_element(piles.begin(), piles.end());
        while (lo < hi) {
            int k = lo + (hi - lo) / 2;
            long long hours = 0;
            for (int p : piles) hours += p / k;
            if (hours <= h) hi = k;
            else lo = k + 1;
        }
        return lo;
    }
};
