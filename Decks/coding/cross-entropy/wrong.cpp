class Solution {
public:
    // Plausible but wrong: uses log10 instead of the natural logarithm.
    double crossEntropy(vector<double>& p, vector<double>& q) {
        double total = 0.0;
        for (size_t i = 0; i < p.size(); ++i) {
            if (p[i] > 0) total -= p[i] * log10(q[i]);
        }
        return total;
    }
};
