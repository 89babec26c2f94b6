class Solution {
    // Idea: the accepted drafts equal the target's tokens, so the answer is target[...L] where L is
    // the length of the common prefix; O(k).
    func acceptDraft(_ draft: [Int], _ target: [Int]) -> [Int] {
        var accepted = 0
        while accepted < draft.count && draft[accepted] == target[accepted] {
            accepted += 1
        }
        return Array(target[...accepted])
    }
}
