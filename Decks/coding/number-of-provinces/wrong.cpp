class Solution {
public:
    // Plausible but wrong: one pass of label copying (label[j] = label[i]) with no find, so two
    // groups that only meet later keep different labels and are counted twice.
    int findCircleNum(vector<vector<int>>& isConnected) {
        int n = (int)isConnected.size();
        vector<int> label(n);
        iota(label.begin(), label.end(), 0);
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (isConnected[i][j]) label[j] = label[i];
        return (int)set<int>(label.begin(), label.end()).size();
    }
};
