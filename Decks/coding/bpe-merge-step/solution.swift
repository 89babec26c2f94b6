class Solution {
    // Idea: one left-to-right scan; on a match emit a + b and skip both tokens, otherwise copy one token. O(n) time.
    func bpeMerge(_ tokens: [String], _ pair: [String]) -> [String] {
        let a = pair[0]
        let b = pair[1]
        var merged: [String] = []
        var i = 0
        while i < tokens.count {
            if i + 1 < tokens.count && tokens[i] == a && tokens[i + 1] == b {
                merged.append(a + b)
                i += 2
            } else {
                merged.append(tokens[i])
                i += 1
            }
        }
        return merged
    }
}
