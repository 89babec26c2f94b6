class Solution {
    // Plausible but wrong: one pass of label copying (label[j] = label[i]) with no find, so two
    // groups that only meet later keep different labels and are counted twice.
    func findCircleNum(_ isConnected: [[Int]]) -> Int {
        let n = isConnected.count
        var label = Array(0..<n)
        for i in 0..<n {
            for j in (i + 1)..<n where isConnected[i][j] == 1 {
                label[j] = label[i]
            }
        }
        return Set(label).count
    }
}
