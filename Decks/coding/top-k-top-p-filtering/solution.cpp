class Solution {
public:
    // Idea: sort indices by (-logit, index), cut to k, softmax the survivors (max-shifted), keep the shortest prefix reaching p. O(n log n) time.
    vector<int> topKTopP(vector<double>& logits, int k, double p) {
        vector<int> order(logits.size());
        iota(order.begin(), order.end(), 0);
        stable_sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
        if (k > 0 && k < (int)order.size()) order.resize(k);
        const double top = logits[order[0]];
        vector<double> weights;
        double total = 0.0;
        for (int i : order) {
            weights.push_back(exp(logits[i] - top));
            total += weights.back();
        }
        vector<int> kept;
        double cumulative = 0.0;
        for (size_t j = 0; j < order.size(); ++j) {
            kept.push_back(order[j]);
            cumulative += weights[j] / total;
            if (cumulative >= p) break;
        }
        sort(kept.begin(), kept.end());
        return kept;
    }
};
