class Solution {
public:
    // Idea: divide every element by sqrt(mean of squares + eps); no centring, unlike LayerNorm. O(n) time.
    vector<double> rmsNorm(vector<double>& x, double eps) {
        double meanSquare = 0.0;
        for (double v : x) meanSquare += v * v;
        meanSquare /= (double)x.size();
        const double invRms = 1.0 / sqrt(meanSquare + eps);
        vector<double> y;
        y.reserve(x.size());
        for (double v : x) y.push_back(v * invRms);
        return y;
    }
};
