import Foundation

class Solution {
    // Idea: two passes, the mean first and then the population variance of the centred values (no E[x^2] - E[x]^2 cancellation). O(n) time.
    func layerNorm(_ x: [Double], _ eps: Double) -> [Double] {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let centred = x.map { $0 - mean }
        let variance = centred.reduce(0) { $0 + $1 * $1 } / n
        let invStd = 1.0 / (variance + eps).squareRoot()
        return centred.map { $0 * invStd }
    }
}
