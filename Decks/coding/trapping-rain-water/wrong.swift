class Solution {
    // Plausible but wrong: water is counted only between a bar and the next bar at least as tall
    // going right, so whatever lies right of the tallest bar is never counted.
    func trap(_ height: [Int]) -> Int {
        var water = 0
        var wall = 0
        var pending = 0
        for h in height {
            if h >= wall {
                water += pending
                wall = h
                pending = 0
            } else {
                pending += wall - h
            }
        }
        return water
    }
}
