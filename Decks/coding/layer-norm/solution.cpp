class Solution {
public:
    // Idea: two passes, the mean first and then the population variance of the centred values (no E[x^2] - E[x]^2 cancellation). O(n) time.
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
        const double invStd = 1.0 / sqrt(variance + eps);
        for (double& v : y) v *= invStd;
        return y;
    }
};
