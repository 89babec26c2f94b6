class Solution {
public:
    // Plausible but wrong: divides by the mean of squares itself, forgetting the square root.
    vector<double> rmsNorm(vector<double>& x, double eps) {
        double meanSquare = 0.0;
        for (double v : x) meanSquare += v * v;
        meanSquare /= (double)x.size();
        vector<double> y;
        for (double v : x) y.push_back(v / (meanSquare + eps));
        return y;
    }
};
