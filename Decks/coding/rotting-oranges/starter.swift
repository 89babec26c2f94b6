class Solution {
    func orangesRotting(_ grid: [[Int]]) -> Int {
        return 0
    }
}
