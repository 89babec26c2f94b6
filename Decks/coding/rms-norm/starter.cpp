class Solution {
public:
    vector<double> rmsNorm(vector<double>& x, double eps) {
        return {};
    }
};
