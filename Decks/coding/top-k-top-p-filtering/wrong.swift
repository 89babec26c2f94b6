import Foundation

class Solution {
    // Plausible but wrong: stops before the token that makes the cumulative probability reach p,
    // keeping one token too few.
    func topKTopP(_ logits: [Double], _ k: Int, _ p: Double) -> [Int] {
        var order = logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
        if k > 0 && k < order.count {
            order = Array(order.prefix(k))
        }
        let top = logits[order[0]]
        let weights = order.map { exp(logits[$0] - top) }
        let total = weights.reduce(0, +)
        var kept: [Int] = [order[0]]
        var cumulative = weights[0] / total
        for (i, w) in zip(order, weights).dropFirst() {
            cumulative += w / total
            if cumulative >= p { break }
            kept.append(i)
        }
        return kept.sorted()
    }
}
