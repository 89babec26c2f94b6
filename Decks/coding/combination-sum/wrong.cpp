class Solution {
public:
    // Plausible but wrong: it prunes with `break` as if the candidates were sorted but never sorts them,
    // so on unsorted input it stops early and misses combinations.
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        values = candidates;
        pick(0, target);
        return result;
    }

private:
    vector<int> values;
    vector<int> path;
    vector<vector<int>> result;

    void pick(int start, int remaining) {
        if (remaining == 0) {
            result.push_back(path);
            return;
        }
        for (int i = start; i < (int)values.size() && values[i] <= remaining; ++i) {
            path.push_back(values[i]);
            pick(i, remaining - values[i]);
            path.pop_back();
        }
    }
};
