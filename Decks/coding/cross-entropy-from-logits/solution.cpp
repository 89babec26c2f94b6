class Solution {
public:
    // Idea: loss_i = logsumexp(row) - row[target], with logsumexp = max + ln(sum(exp(x - max))); average over the batch. O(N·V) time.
    double crossEntropyLoss(vector<vector<double>>& logits, vector<int>& targets) {
        double total = 0.0;
        for (size_t i = 0; i < logits.size(); ++i) {
            const vector<double>& row = logits[i];
            const double m = *max_element(row.begin(), row.end());
            double sum = 0.0;
            for (double x : row) sum += exp(x - m);
            total += m + log(sum) - row[targets[i]];
        }
        return total / (double)logits.size();
    }
};
