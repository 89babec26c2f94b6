class Solution {
    // Plausible but wrong: only inserts and deletes are counted (m + n - 2 * LCS), so a
    // replacement costs two edits instead of one.
    func minDistance(_ word1: String, _ word2: String) -> Int {
        let a = Array(word1)
        let b = Array(word2)
        var prev = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var cur = [Int](repeating: 0, count: b.count + 1)
            for j in stride(from: 1, through: b.count, by: 1) {
                cur[j] = x == b[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1])
            }
            prev = cur
        }
        return a.count + b.count - 2 * prev[b.count]
    }
}
