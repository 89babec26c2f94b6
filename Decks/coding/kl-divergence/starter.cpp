class Solution {
public:
    double klDivergence(vector<double>& p, vector<double>& q) {
        return 0.0;
    }
};
