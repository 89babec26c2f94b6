class Solution {
public:
    // Plausible but wrong: keeps a set of seen nodes instead of connected sets, so an edge between
    // two nodes that were seen in different trees is taken for the one closing a cycle.
    vector<int> findRedundantConnection(vector<vector<int>>& edges) {
        unordered_set<int> seen;
        for (const auto& e : edges) {
            if (seen.count(e[0]) && seen.count(e[1])) return e;
            seen.insert(e[0]);
            seen.insert(e[1]);
        }
        return {};
    }
};
