class Solution {
    // Plausible but wrong: a pair is accepted whenever its value is at most 26, so "06" counts
    // as a second way to write F.
    func numDecodings(_ s: String) -> Int {
        let digits = s.utf8.map { Int($0) - 48 }
        var dp = [Int](repeating: 0, count: digits.count + 1)
        dp[0] = 1
        for i in 1...digits.count {
            if digits[i - 1] != 0 { dp[i] += dp[i - 1] }
            if i >= 2 {
                let pair = digits[i - 2] * 10 + digits[i - 1]
                if pair >= 1 && pair <= 26 { dp[i] += dp[i - 2] }
            }
        }
        return dp[digits.count]
    }
}
