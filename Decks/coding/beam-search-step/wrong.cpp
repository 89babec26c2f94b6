class Solution {
public:
    // Plausible but wrong: keeps the best token of each beam (one per beam) instead of the best k
    // candidates over all beams.
    vector<vector<int>> beamSearchStep(vector<double>& scores, vector<vector<double>>& logProbs, int k) {
        vector<tuple<double, int, int>> candidates;  // (-score, beam, token)
        for (int b = 0; b < (int)logProbs.size(); ++b) {
            int t = max_element(logProbs[b].begin(), logProbs[b].end()) - logProbs[b].begin();
            candidates.emplace_back(-(scores[b] + logProbs[b][t]), b, t);
        }
        sort(candidates.begin(), candidates.end());
        vector<vector<int>> best;
        for (int i = 0; i < k && i < (int)candidates.size(); ++i)
            best.push_back({get<1>(candidates[i]), get<2>(candidates[i])});
        return best;
    }
};
