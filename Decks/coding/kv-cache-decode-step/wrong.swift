import Foundation

class Solution {
    // Plausible but wrong: exponentiates the raw scores without subtracting the maximum, so a
    // score above ~709 overflows to inf and the output becomes NaN.
    func decodeStep(_ k_cache: [[Double]], _ v_cache: [[Double]], _ q: [Double], _ k: [Double], _ v: [Double]) -> [Double] {
        let keys = k_cache + [k]
        let values = v_cache + [v]
        let scale = 1.0 / Double(q.count).squareRoot()
        let scores = keys.map { key in scale * zip(q, key).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let weights = scores.map { exp($0) }
        let total = weights.reduce(0, +)
        var out = [Double](repeating: 0, count: v.count)
        for (w, value) in zip(weights, values) {
            for j in value.indices { out[j] += w / total * value[j] }
        }
        return out
    }
}
