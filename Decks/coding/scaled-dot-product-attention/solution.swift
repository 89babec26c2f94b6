import Foundation

class Solution {
    // Idea: per query row, scores = q·k / sqrt(d_k), a max-shifted softmax over the keys, then the weighted sum of value rows. O(n·m·(d_k + d_v)) time.
    func attention(_ q: [[Double]], _ k: [[Double]], _ v: [[Double]]) -> [[Double]] {
        let scale = 1.0 / Double(k[0].count).squareRoot()
        return q.map { query in
            let scores = k.map { key in scale * zip(query, key).reduce(0) { $0 + $1.0 * $1.1 } }
            let m = scores.max() ?? 0
            let weights = scores.map { exp($0 - m) }
            let total = weights.reduce(0, +)
            var row = [Double](repeating: 0, count: v[0].count)
            for (w, value) in zip(weights, v) {
                for j in value.indices { row[j] += w / total * value[j] }
            }
            return row
        }
    }
}
