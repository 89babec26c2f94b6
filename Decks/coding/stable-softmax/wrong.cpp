class Solution {
public:
    // Plausible but wrong: subtracts the minimum instead of the maximum, so the largest exponent
    // can still overflow.
    vector<double> softmax(vector<double>& logits) {
        if (logits.empty()) return {};
        const double m = *min_element(logits.begin(), logits.end());
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
