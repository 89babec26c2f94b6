class Solution {
public:
    int rob(vector<int>& nums) {
        return 0;
    }
};
