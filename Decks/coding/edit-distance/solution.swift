class Solution {
    // Idea: dp[i][j] = edits turning word1's first i characters into word2's first j; the last step
    // is a match/replace (diagonal), a delete (up) or an insert (left). O(m * n) time, O(n) space.
    func minDistance(_ word1: String, _ word2: String) -> Int {
        let a = Array(word1)
        let b = Array(word2)
        var prev = Array(0...b.count)
        for i in stride(from: 1, through: a.count, by: 1) {
            var cur = [Int](repeating: 0, count: b.count + 1)
            cur[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                if a[i - 1] == b[j - 1] {
                    cur[j] = prev[j - 1]
                } else {
                    cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
                }
            }
            prev = cur
        }
        return prev[b.count]
    }
}
