class Solution {
public:
    // Idea: union-find (disjoint set union) with path halving; start with n sets and subtract one
    // for every union that joins two different sets. O(n^2 α(n)) time, O(n) space.
    int findCircleNum(vector<vector<int>>& isConnected) {
        int n = (int)isConnected.size();
        vector<int> parent(n);
        iota(parent.begin(), parent.end(), 0);
        auto find = [&](int x) {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        };
        int provinces = n;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (isConnected[i][j]) {
                    int a = find(i), b = find(j);
                    if (a != b) {
                        parent[a] = b;
                        --provinces;
                    }
                }
        return provinces;
    }
};
