class Solution {
public:
    vector<string> bpeTrain(vector<string>& words, int numMerges) {
        return {};
    }
};
