class Solution {
public:
    // Idea: score every (beam, token) candidate, partial_sort the best k by score descending then (beam, token). O(B·V·log k) time.
    vector<vector<int>> beamSearchStep(vector<double>& scores, vector<vector<double>>& logProbs, int k) {
        vector<tuple<double, int, int>> candidates;  // (-score, beam, token): smaller is better
        for (int b = 0; b < (int)logProbs.size(); ++b) {
            for (int t = 0; t < (int)logProbs[b].size(); ++t) {
                candidates.emplace_back(-(scores[b] + logProbs[b][t]), b, t);
            }
        }
        partial_sort(candidates.begin(), candidates.begin() + k, candidates.end());
        vector<vector<int>> best;
        for (int i = 0; i < k; ++i) best.push_back({get<1>(candidates[i]), get<2>(candidates[i])});
        return best;
    }
};
