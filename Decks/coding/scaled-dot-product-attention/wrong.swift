import Foundation

class Solution {
    // Plausible but wrong: forgets the 1/sqrt(d_k) scaling of the scores.
    func attention(_ q: [[Double]], _ k: [[Double]], _ v: [[Double]]) -> [[Double]] {
        return q.map { query in
            let scores = k.map { key in zip(query, key).reduce(0) { $0 + $1.0 * $1.1 } }
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
