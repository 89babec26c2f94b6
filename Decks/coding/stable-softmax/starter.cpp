class Solution {
public:
    vector<double> softmax(vector<double>& logits) {
        return {};
    }
};
