class Solution {
public:
    // Idea: sum p_i * ln(p_i / q_i) over the outcomes with p_i > 0 (those with p_i = 0 contribute nothing). O(n) time.
    double klDivergence(vector<double>& p, vector<double>& q) {
        double total = 0.0;
        for (size_t i = 0; i < p.size(); ++i) {
            if (p[i] > 0) total += p[i] * log(p[i] / q[i]);
        }
        return total;
    }
};
