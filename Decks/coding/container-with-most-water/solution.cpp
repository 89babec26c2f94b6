class Solution {
public:
    // Idea: two pointers from both ends, always moving the shorter wall (the taller one cannot do better with a narrower width). O(n) time, O(1) space.
    int maxArea(vector<int>& height) {
        int left = 0, right = (int)height.size() - 1, best = 0;
        while (left < right) {
            best = max(best, min(height[left], height[right]) * (right - left));
            if (height[left] < height[right]) ++left;
            else --right;
        }
        return best;
    }
};
