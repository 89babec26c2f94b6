class Solution {
    // Plausible but wrong: ranks by Manhattan distance |x| + |y| instead of the Euclidean one, so
    // (-2, 2) and (1, 3) look equally far.
    func kClosest(_ points: [[Int]], _ k: Int) -> [[Int]] {
        let order = points.indices.sorted {
            (abs(points[$0][0]) + abs(points[$0][1]), $0) < (abs(points[$1][0]) + abs(points[$1][1]), $1)
        }
        return order.prefix(k).map { points[$0] }
    }
}
