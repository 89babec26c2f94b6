class Solution {
public:
    vector<vector<double>> adamwStep(vector<double>& params, vector<double>& grads, vector<double>& m, vector<double>& v, int t, double lr, double beta1, double beta2, double eps, double weight_decay) {
        return {};
    }
};
