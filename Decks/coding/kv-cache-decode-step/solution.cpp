class Solution {
public:
    // Idea: the new token attends to every cached position and to itself, so append (k, v) to
    // the caches first, then one stable softmax over q·k_j / sqrt(d) and a weighted sum of values.
    // O(n · (d + d_v)) time for n cached tokens.
    vector<double> decodeStep(vector<vector<double>>& k_cache, vector<vector<double>>& v_cache, vector<double>& q, vector<double>& k, vector<double>& v) {
        k_cache.push_back(k);
        v_cache.push_back(v);
        const double scale = 1.0 / sqrt((double)q.size());
        vector<double> w;
        for (const auto& key : k_cache) w.push_back(scale * inner_product(q.begin(), q.end(), key.begin(), 0.0));
        const double m = *max_element(w.begin(), w.end());
        double total = 0.0;
        for (double& s : w) { s = exp(s - m); total += s; }
        vector<double> out(v.size(), 0.0);
        for (size_t i = 0; i < v_cache.size(); ++i)
            for (size_t j = 0; j < out.size(); ++j) out[j] += w[i] / total * v_cache[i][j];
        return out;
    }
};
