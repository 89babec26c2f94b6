class Solution {
public:
    // Plausible but wrong: adds eps to the standard deviation instead of to the variance.
    vector<double> layerNorm(vector<double>& x, double eps) {
        const double n = (double)x.size();
        const double mean = accumulate(x.begin(), x.end(), 0.0) / n;
        vector<double> y(x.size());
        double variance = 0.0;
        for (size_t i = 0; i < x.size(); ++i) {
            y[i] = x[i] - mean;
            variance += y[i] * y[i];
        }
        variance /= n;
        const double invStd = 1.0 / (sqrt(variance) + eps);
        for (double& v : y) v *= invStd;
        return y;
    }
};
