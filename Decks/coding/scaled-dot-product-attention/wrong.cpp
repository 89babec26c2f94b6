class Solution {
public:
    // Plausible but wrong: scales by sqrt(d_v), the width of the values, instead of sqrt(d_k).
    vector<vector<double>> attention(vector<vector<double>>& q, vector<vector<double>>& k, vector<vector<double>>& v) {
        const double scale = 1.0 / sqrt((double)v[0].size());
        vector<vector<double>> out;
        for (const auto& query : q) {
            vector<double> scores;
            for (const auto& key : k) {
                scores.push_back(scale * inner_product(query.begin(), query.end(), key.begin(), 0.0));
            }
            const double m = *max_element(scores.begin(), scores.end());
            double total = 0.0;
            for (double& s : scores) {
                s = exp(s - m);
                total += s;
            }
            vector<double> row(v[0].size(), 0.0);
            for (size_t i = 0; i < v.size(); ++i) {
                for (size_t j = 0; j < row.size(); ++j) row[j] += scores[i] / total * v[i][j];
            }
            out.push_back(row);
        }
        return out;
    }
};
