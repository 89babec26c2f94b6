class Solution {
public:
    vector<int> cosineTopK(vector<double>& query, vector<vector<double>>& docs, int k) {
        return {};
    }
};
