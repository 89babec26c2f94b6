class Solution {
public:
    // Plausible but wrong: skips the p_i > 0 guard, so an outcome with p_i = 0 adds 0 * ln 0 = NaN.
    double klDivergence(vector<double>& p, vector<double>& q) {
        double total = 0.0;
        for (size_t i = 0; i < p.size(); ++i) total += p[i] * log(p[i] / q[i]);
        return total;
    }
};
