class Solution {
public:
    // Plausible but wrong: water is counted only between a bar and the next bar at least as tall
    // going right, so whatever lies right of the tallest bar is never counted.
    int trap(vector<int>& height) {
        int water = 0, wall = 0, pending = 0;
        for (int h : height) {
            if (h >= wall) {
                water += pending;
                wall = h;
                pending = 0;
            } else {
                pending += wall - h;
            }
        }
        return water;
    }
};
