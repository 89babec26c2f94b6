class Solution {
public:
    // Plausible but wrong: takes the rank from b.size() (that is out, the number of rows of B).
    vector<vector<double>> loraForward(vector<vector<double>>& x, vector<vector<double>>& w, vector<vector<double>>& a, vector<vector<double>>& b, double alpha) {
        const double scale = alpha / b.size();
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
