class Solution {
    func combinationSum(_ candidates: [Int], _ target: Int) -> [[Int]] {
        return []
    }
}
