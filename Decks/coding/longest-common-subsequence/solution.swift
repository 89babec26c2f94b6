class Solution {
    // Idea: row-by-row DP over prefixes, keeping only the previous row. O(mn) time, O(n) space.
    func longestCommonSubsequence(_ text1: String, _ text2: String) -> Int {
        let a = Array(text1.utf8)
        let b = Array(text2.utf8)
        var prev = [Int](repeating: 0, count: b.count + 1)
        var cur = prev
        for i in 0..<a.count {
            for j in 0..<b.count {
                cur[j + 1] = a[i] == b[j] ? prev[j] + 1 : max(prev[j + 1], cur[j])
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
