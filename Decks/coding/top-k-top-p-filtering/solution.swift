import Foundation

class Solution {
    // Idea: sort indices by (-logit, index), cut to k, softmax the survivors (max-shifted), keep the shortest prefix reaching p. O(n log n) time.
    func topKTopP(_ logits: [Double], _ k: Int, _ p: Double) -> [Int] {
        var order = logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
        if k > 0 && k < order.count {
            order = Array(order.prefix(k))
        }
        let top = logits[order[0]]
        let weights = order.map { exp(logits[$0] - top) }
        let total = weights.reduce(0, +)
        var kept: [Int] = []
        var cumulative = 0.0
        for (i, w) in zip(order, weights) {
            kept.append(i)
            cumulative += w / total
            if cumulative >= p { break }
        }
        return kept.sorted()
    }
}
