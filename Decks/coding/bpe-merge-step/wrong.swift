class Solution {
    // Plausible but wrong: after a merge it advances one token instead of two, so the second
    // token of the pair is also copied.
    func bpeMerge(_ tokens: [String], _ pair: [String]) -> [String] {
        var merged: [String] = []
        var i = 0
        while i < tokens.count {
            if i + 1 < tokens.count && tokens[i] == pair[0] && tokens[i + 1] == pair[1] {
                merged.append(pair[0] + pair[1])
            } else {
                merged.append(tokens[i])
            }
            i += 1
        }
        return merged
    }
}
