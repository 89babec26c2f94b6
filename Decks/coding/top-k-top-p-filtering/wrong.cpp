class Solution {
public:
    // Plausible but wrong: applies top-p to the softmax over all tokens before the top-k cut, so
    // the survivors' probabilities are not renormalised.
    vector<int> topKTopP(vector<double>& logits, int k, double p) {
        vector<int> order(logits.size());
        iota(order.begin(), order.end(), 0);
        stable_sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
        const double top = logits[order[0]];
        double total = 0.0;
        for (int i : order) total += exp(logits[i] - top);
        if (k > 0 && k < (int)order.size()) order.resize(k);
        vector<int> kept;
        double cumulative = 0.0;
        for (int i : order) {
            kept.push_back(i);
            cumulative += exp(logits[i] - top) / total;
            if (cumulative >= p) break;
        }
        sort(kept.begin(), kept.end());
        return kept;
    }
};
