class Solution {
public:
    double getLr(int step, int warmupSteps, int totalSteps, double maxLr, double minLr) {
        return 0.0;
    }
};
