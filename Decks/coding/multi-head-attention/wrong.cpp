class Solution {
public:
    // Plausible but wrong: splits the columns into heads round-robin (column c goes to head
    // c % num_heads) instead of contiguous blocks of d_head columns.
    vector<vector<double>> multiHeadAttention(vector<vector<double>>& x, vector<vector<double>>& wq, vector<vector<double>>& wk, vector<vector<double>>& wv, vector<vector<double>>& wo, int num_heads) {
        auto q = matmul(x, wq), k = matmul(x, wk), v = matmul(x, wv);
        const size_t seq = x.size(), dModel = wq[0].size(), dh = dModel / num_heads;
        const double scale = 1.0 / sqrt((double)dh);
        vector<vector<double>> concat(seq, vector<double>(dModel, 0.0));
        for (size_t h = 0; h < (size_t)num_heads; ++h) {
            vector<size_t> cols;
            for (size_t c = h; c < dModel; c += num_heads) cols.push_back(c);
            for (size_t i = 0; i < seq; ++i) {
                // Causal: position i attends to positions 0..i only.
                vector<double> w(i + 1);
                for (size_t j = 0; j <= i; ++j) {
                    double s = 0.0;
                    for (size_t c : cols) s += q[i][c] * k[j][c];
                    w[j] = scale * s;
                }
                const double m = *max_element(w.begin(), w.end());
                double total = 0.0;
                for (double& s : w) { s = exp(s - m); total += s; }
                for (size_t c : cols) {
                    double acc = 0.0;
                    for (size_t j = 0; j <= i; ++j) acc += w[j] * v[j][c];
                    concat[i][c] = acc / total;
                }
            }
        }
        return matmul(concat, wo);
    }

private:
    static vector<vector<double>> matmul(const vector<vector<double>>& a, const vector<vector<double>>& b) {
        vector<vector<double>> out(a.size(), vector<double>(b[0].size(), 0.0));
        for (size_t i = 0; i < a.size(); ++i)
            for (size_t t = 0; t < b.size(); ++t)
                for (size_t j = 0; j < b[0].size(); ++j) out[i][j] += a[i][t] * b[t][j];
        return out;
    }
};
