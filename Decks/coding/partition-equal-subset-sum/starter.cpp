class Solution {
public:
    bool canPartition(vector<int>& nums) {
        return false;
    }
};
