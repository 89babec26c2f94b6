class Solution {
public:
    // Idea: backtracking over the sorted candidates; the next pick starts at the current index (reuse allowed,
    // no reordered duplicates) and the loop stops once a candidate exceeds what is left.
    vector<vector<int>> combinationSum(vector<int>& candidates, int target) {
        values = candidates;
        sort(values.begin(), values.end());
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
