class Solution {
public:
    int trap(vector<int>& height) {
        return 0;
    }
};
