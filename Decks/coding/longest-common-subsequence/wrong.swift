class Solution {
    // Plausible but wrong: a greedy scan matches each character of text1 with its next occurrence in text2,
    // which can spend text2's characters on a bad early match.
    func longestCommonSubsequence(_ text1: String, _ text2: String) -> Int {
        let b = Array(text2.utf8)
        var j = 0
        var length = 0
        for ch in text1.utf8 {
            var k = j
            while k < b.count && b[k] != ch { k += 1 }
            if k < b.count {
                length += 1
                j = k + 1
            }
        }
        return length
    }
}
