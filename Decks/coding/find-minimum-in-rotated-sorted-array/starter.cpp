class Solution {
public:
    int findMin(vector<int>& nums) {
        return 0;
    }
};
