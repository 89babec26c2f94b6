class Solution {
    // Plausible but wrong: greedy; always takes the longest word that matches at the current
    // position and never backs up, so "cars" with ["car", "ca", "rs"] fails.
    func wordBreak(_ s: String, _ wordDict: [String]) -> Bool {
        let words = Set(wordDict).sorted { $0.count > $1.count }
        var rest = Substring(s)
        while !rest.isEmpty {
            guard let w = words.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(w.count)
        }
        return true
    }
}
