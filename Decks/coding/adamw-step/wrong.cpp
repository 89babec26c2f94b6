class Solution {
public:
    // Plausible but wrong: puts eps inside the square root, which matters once the second moment
    // is small compared with eps.
    vector<vector<double>> adamwStep(vector<double>& params, vector<double>& grads, vector<double>& m, vector<double>& v, int t, double lr, double beta1, double beta2, double eps, double weight_decay) {
        const double c1 = 1.0 - pow(beta1, t), c2 = 1.0 - pow(beta2, t);
        vector<double> p = params, mm = m, vv = v;
        for (size_t i = 0; i < p.size(); ++i) {
            const double g = grads[i];
            p[i] *= 1.0 - lr * weight_decay;
            mm[i] = beta1 * mm[i] + (1.0 - beta1) * g;
            vv[i] = beta2 * vv[i] + (1.0 - beta2) * g * g;
            p[i] -= lr * (mm[i] / c1) / sqrt(vv[i] / c2 + eps);
        }
        return {p, mm, vv};
    }
};
