class Solution {
public:
    // Plausible but wrong: forgets to renormalize the nucleus, comparing the running sum with u
    // instead of u · mass; a large u then always falls through to the last nucleus token.
    int topPSample(vector<double>& logits, double p, double temperature, int seed) {
        const size_t n = logits.size();
        vector<double> probs(n);
        double m = -INFINITY;
        for (double x : logits) m = max(m, x / temperature);
        double total = 0.0;
        for (size_t i = 0; i < n; ++i) { probs[i] = exp(logits[i] / temperature - m); total += probs[i]; }
        for (double& x : probs) x /= total;
        vector<int> order(n);
        iota(order.begin(), order.end(), 0);
        stable_sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
        vector<int> nucleus;
        double mass = 0.0;
        for (int i : order) {
            nucleus.push_back(i);
            mass += probs[i];
            if (mass >= p) break;
        }
        // Unsigned overflow is exactly "mod 2^64".
        const uint64_t x = 6364136223846793005ULL * (uint64_t)seed + 1442695040888963407ULL;
        const double u = (double)(x >> 11) / 9007199254740992.0;
        const double target = u;
        double acc = 0.0;
        for (int i : nucleus) {
            acc += probs[i];
            if (acc > target) return i;
        }
        return nucleus.back();
    }
};
