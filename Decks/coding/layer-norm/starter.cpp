class Solution {
public:
    vector<double> layerNorm(vector<double>& x, double eps) {
        return {};
    }
};
