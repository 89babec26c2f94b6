class Solution {
public:
    // Idea: per query row, scores = q·k / sqrt(d_k), a max-shifted softmax over the keys, then the weighted sum of value rows. O(n·m·(d_k + d_v)) time.
    vector<vector<double>> attention(vector<vector<double>>& q, vector<vector<double>>& k, vector<vector<double>>& v) {
        const double scale = 1.0 / sqrt((double)k[0].size());
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
