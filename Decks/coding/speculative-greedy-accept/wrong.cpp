class Solution {
public:
    // Plausible but wrong: counts every matching position, not just the matching prefix.
    vector<int> acceptDraft(vector<int>& draft, vector<int>& target) {
        size_t matches = 0;
        for (size_t i = 0; i < draft.size(); ++i) {
            if (draft[i] == target[i]) ++matches;
        }
        return vector<int>(target.begin(), target.begin() + matches + 1);
    }
};
