class Solution {
public:
    // Idea: three regimes checked in order (warmup, past the end, cosine); O(1).
    double getLr(int step, int warmupSteps, int totalSteps, double maxLr, double minLr) {
        if (step < warmupSteps) return maxLr * (step + 1.0) / warmupSteps;
        if (step >= totalSteps) return minLr;
        const double progress = double(step - warmupSteps) / double(totalSteps - warmupSteps);
        return minLr + 0.5 * (maxLr - minLr) * (1.0 + cos(M_PI * progress));
    }
};
