class Solution {
public:
    // Plausible but wrong: no clamp after totalSteps, so the cosine climbs back up past the end.
    double getLr(int step, int warmupSteps, int totalSteps, double maxLr, double minLr) {
        if (step < warmupSteps) return maxLr * (step + 1.0) / warmupSteps;
        const double progress = double(step - warmupSteps) / double(totalSteps - warmupSteps);
        return minLr + 0.5 * (maxLr - minLr) * (1.0 + cos(M_PI * progress));
    }
};
