class Solution {
public:
    // Idea: start from the sorted order and step through next_permutation until it wraps. O(n * n!) time.
    vector<vector<int>> permute(vector<int>& nums) {
        vector<int> current = nums;
        sort(current.begin(), current.end());
        vector<vector<int>> result;
        do {
            result.push_back(current);
        } while (next_permutation(current.begin(), current.end()));
        return result;
    }
};
