class Solution {
public:
    // Plausible but wrong: sorts by similarity ascending (the least similar documents first).
    vector<int> cosineTopK(vector<double>& query, vector<vector<double>>& docs, int k) {
        auto dot = [](const vector<double>& a, const vector<double>& b) {
            return inner_product(a.begin(), a.end(), b.begin(), 0.0);
        };
        const double queryNorm = sqrt(dot(query, query));
        vector<double> sims;
        for (const auto& doc : docs) {
            const double docNorm = sqrt(dot(doc, doc));
            sims.push_back(docNorm == 0 ? 0.0 : dot(query, doc) / (queryNorm * docNorm));
        }
        vector<int> ranked(docs.size());
        iota(ranked.begin(), ranked.end(), 0);
        stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) { return sims[a] < sims[b]; });
        ranked.resize(k);
        return ranked;
    }
};
