class Solution {
public:
    int search(vector<int>& nums, int target) {
        return -1;
    }
};
