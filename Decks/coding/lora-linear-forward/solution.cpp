class Solution {
public:
    // Idea: project each row down to rank r first (x·Aᵀ), then up (·Bᵀ), so the low-rank path costs
    // O(n·r·(in + out)) on top of the O(n·in·out) base layer, never forming B·A.
    vector<vector<double>> loraForward(vector<vector<double>>& x, vector<vector<double>>& w, vector<vector<double>>& a, vector<vector<double>>& b, double alpha) {
        const double scale = alpha / a.size();
        vector<vector<double>> out;
        for (const auto& row : x) {
            vector<double> low;
            for (const auto& aRow : a) low.push_back(inner_product(row.begin(), row.end(), aRow.begin(), 0.0));
            vector<double> y;
            for (size_t o = 0; o < w.size(); ++o) {
                y.push_back(inner_product(row.begin(), row.end(), w[o].begin(), 0.0)
                            + scale * inner_product(low.begin(), low.end(), b[o].begin(), 0.0));
            }
            out.push_back(y);
        }
        return out;
    }
};
