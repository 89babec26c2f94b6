class Solution:
    # Plausible but wrong: water is counted only between a bar and the next bar at least as tall
    # going right, so whatever lies right of the tallest bar is never counted.
    def trap(self, height: List[int]) -> int:
        water, wall, pending = 0, 0, 0
        for h in height:
            if h >= wall:
                water += pending
                wall, pending = h, 0
            else:
                pending += wall - h
        return water
