class Solution {
public:
    // Idea: pair dimensions (2i, 2i+1) and rotate each pair of row p by the angle
    // p · 10000^(−2i/d), as in RoFormer. O(seq · d) time.
    vector<vector<double>> applyRope(vector<vector<double>>& x) {
        vector<vector<double>> out;
        for (size_t p = 0; p < x.size(); ++p) {
            const vector<double>& row = x[p];
            const size_t d = row.size();
            vector<double> y(d);
            for (size_t i = 0; i < d / 2; ++i) {
                const double angle = (double)p * pow(10000.0, -2.0 * (double)i / (double)d);
                const double c = cos(angle), s = sin(angle);
                const double a = row[2 * i], b = row[2 * i + 1];
                y[2 * i] = a * c - b * s;
                y[2 * i + 1] = a * s + b * c;
            }
            out.push_back(y);
        }
        return out;
    }
};
