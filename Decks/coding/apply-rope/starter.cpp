class Solution {
public:
    vector<vector<double>> applyRope(vector<vector<double>>& x) {
        return {};
    }
};
