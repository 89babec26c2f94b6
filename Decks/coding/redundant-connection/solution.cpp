class Solution {
public:
    // Idea: union-find over the edges in input order; the first edge whose ends are already in one
    // set closes the only cycle, and it is the cycle's last edge in the input. O(n α(n)) time.
    vector<int> findRedundantConnection(vector<vector<int>>& edges) {
        vector<int> parent(edges.size() + 1);
        iota(parent.begin(), parent.end(), 0);
        auto find = [&](int x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        for (const auto& e : edges) {
            int ra = find(e[0]), rb = find(e[1]);
            if (ra == rb) return e;
            parent[ra] = rb;
        }
        return {};
    }
};
