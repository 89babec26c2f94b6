class Solution {
public:
    double crossEntropy(vector<double>& p, vector<double>& q) {
        return 0.0;
    }
};
