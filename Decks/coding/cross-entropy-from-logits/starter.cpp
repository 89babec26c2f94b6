class Solution {
public:
    double crossEntropyLoss(vector<vector<double>>& logits, vector<int>& targets) {
        return 0.0;
    }
};
