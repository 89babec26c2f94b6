class Solution {
public:
    int topPSample(vector<double>& logits, double p, double temperature, int seed) {
        return 0;
    }
};
