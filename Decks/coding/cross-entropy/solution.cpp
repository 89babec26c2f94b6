class Solution {
public:
    // Idea: sum -p_i * ln(q_i) over the outcomes with p_i > 0 (0 * ln 0 counts as 0). O(n) time.
    double crossEntropy(vector<double>& p, vector<double>& q) {
        double total = 0.0;
        for (size_t i = 0; i < p.size(); ++i) {
            if (p[i] > 0) total -= p[i] * log(q[i]);
        }
        return total;
    }
};
