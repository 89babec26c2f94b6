class Solution {
public:
    vector<vector<int>> beamSearchStep(vector<double>& scores, vector<vector<double>>& logProbs, int k) {
        return {};
    }
};
