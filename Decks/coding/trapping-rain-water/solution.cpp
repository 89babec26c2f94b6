class Solution {
public:
    // Idea: two pointers; the lower side's water is bounded by its own running max, because the
    // other side already holds a wall at least that tall. O(n) time, O(1) space.
    int trap(vector<int>& height) {
        int lo = 0, hi = (int)height.size() - 1;
        int leftMax = 0, rightMax = 0, water = 0;
        while (lo < hi) {
            if (height[lo] < height[hi]) {
                leftMax = max(leftMax, height[lo]);
                water += leftMax - height[lo];
                ++lo;
            } else {
                rightMax = max(rightMax, height[hi]);
                water += rightMax - height[hi];
                --hi;
            }
        }
        return water;
    }
};
