class Solution {
    // Plausible but wrong: at the first mismatch it keeps the rejected draft token, not the target's.
    func acceptDraft(_ draft: [Int], _ target: [Int]) -> [Int] {
        var out: [Int] = []
        for (i, token) in draft.enumerated() {
            out.append(token)
            if token != target[i] {
                return out
            }
        }
        out.append(target[draft.count])
        return out
    }
}
