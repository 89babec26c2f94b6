import Foundation

class Solution {
    // Idea: loss_i = logsumexp(row) - row[target], with logsumexp = max + ln(sum(exp(x - max))); average over the batch. O(N·V) time.
    func crossEntropyLoss(_ logits: [[Double]], _ targets: [Int]) -> Double {
        var total = 0.0
        for (row, target) in zip(logits, targets) {
            let m = row.max() ?? 0
            let logSumExp = m + log(row.reduce(0) { $0 + exp($1 - m) })
            total += logSumExp - row[target]
        }
        return total / Double(logits.count)
    }
}
