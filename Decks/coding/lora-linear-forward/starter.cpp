class Solution {
public:
    vector<vector<double>> loraForward(vector<vector<double>>& x, vector<vector<double>>& w, vector<vector<double>>& a, vector<vector<double>>& b, double alpha) {
        return {};
    }
};
