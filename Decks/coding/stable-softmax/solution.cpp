class Solution {
public:
    // Idea: softmax is shift-invariant, so subtract the max first: every exponent is <= 0 and the largest term is exactly 1. O(n) time.
    vector<double> softmax(vector<double>& logits) {
        if (logits.empty()) return {};
        const double m = *max_element(logits.begin(), logits.end());
        vector<double> out(logits.size());
        double total = 0.0;
        for (size_t i = 0; i < logits.size(); ++i) {
            out[i] = exp(logits[i] - m);
            total += out[i];
        }
        for (double& v : out) v /= total;
        return out;
    }
};
