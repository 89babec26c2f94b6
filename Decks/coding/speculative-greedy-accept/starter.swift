class Solution {
    func acceptDraft(_ draft: [Int], _ target: [Int]) -> [Int] {
        return []
    }
}
