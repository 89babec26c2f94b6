class Solution {
    // Idea: dp[i] counts the decodings of the first i digits: add dp[i-1] when digit i is 1..9 and dp[i-2]
    // when the last two digits form 10..26. O(n) time and space.
    func numDecodings(_ s: String) -> Int {
        let digits = s.utf8.map { Int($0) - 48 }
        var dp = [Int](repeating: 0, count: digits.count + 1)
        dp[0] = 1
        for i in 1...digits.count {
            if digits[i - 1] != 0 { dp[i] += dp[i - 1] }
            if i >= 2 {
                let pair = digits[i - 2] * 10 + digits[i - 1]
                if pair >= 10 && pair <= 26 { dp[i] += dp[i - 2] }
            }
        }
        return dp[digits.count]
    }
}
