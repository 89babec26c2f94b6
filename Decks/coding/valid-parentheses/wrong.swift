class Solution {
    // Plausible but wrong: pops on every closer but never checks it against the opener, so only
    // the counts matter and "(]" passes.
    func isValid(_ s: String) -> Bool {
        var depth = 0
        for ch in s {
            if ch == "(" || ch == "[" || ch == "{" {
                depth += 1
            } else {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }
}
