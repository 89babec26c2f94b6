class Solution {
public:
    vector<int> topKTopP(vector<double>& logits, int k, double p) {
        return {};
    }
};
