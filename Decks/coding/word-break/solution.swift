class Solution {
    // Idea: dp[i] says whether the first i characters split into words; dp[i] holds if some word
    // ends at i and dp holds where it starts. O(n * L) checks, L = longest word.
    func wordBreak(_ s: String, _ wordDict: [String]) -> Bool {
        let chars = Array(s)
        let words = Set(wordDict)
        let lengths = Set(wordDict.map { $0.count }).sorted()
        var dp = [Bool](repeating: false, count: chars.count + 1)
        dp[0] = true
        for i in stride(from: 1, through: chars.count, by: 1) {
            for length in lengths where length <= i && dp[i - length] {
                if words.contains(String(chars[(i - length)..<i])) {
                    dp[i] = true
                    break
                }
            }
        }
        return dp[chars.count]
    }
}
