class Solution {
public:
    int lengthOfLIS(vector<int>& nums) {
        return 0;
    }
};
