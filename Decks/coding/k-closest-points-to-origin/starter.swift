class Solution {
    func kClosest(_ points: [[Int]], _ k: Int) -> [[Int]] {
        return []
    }
}
