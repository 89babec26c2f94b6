class Solution {
    func numIslands(_ grid: [[Character]]) -> Int {
        return 0
    }
}
