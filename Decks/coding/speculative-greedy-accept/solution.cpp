class Solution {
public:
    // Idea: the accepted drafts equal the target's tokens, so the answer is the first L + 1 target
    // tokens where L is the length of the common prefix; O(k).
    vector<int> acceptDraft(vector<int>& draft, vector<int>& target) {
        size_t accepted = 0;
        while (accepted < draft.size() && draft[accepted] == target[accepted]) ++accepted;
        return vector<int>(target.begin(), target.begin() + accepted + 1);
    }
};
