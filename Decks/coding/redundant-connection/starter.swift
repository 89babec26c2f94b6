class Solution {
    func findRedundantConnection(_ edges: [[Int]]) -> [Int] {
        return []
    }
}
