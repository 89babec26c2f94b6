import Foundation

class Solution {
    // Plausible but wrong: divides by the sample variance (n - 1), not the population variance.
    func layerNorm(_ x: [Double], _ eps: Double) -> [Double] {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let centred = x.map { $0 - mean }
        let variance = centred.reduce(0) { $0 + $1 * $1 } / max(n - 1, 1)
        let invStd = 1.0 / (variance + eps).squareRoot()
        return centred.map { $0 * invStd }
    }
}
