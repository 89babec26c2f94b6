import Foundation

class Solution {
    // Plausible but wrong: centres the values first, as LayerNorm does; RMSNorm does not.
    func rmsNorm(_ x: [Double], _ eps: Double) -> [Double] {
        let mean = x.reduce(0, +) / Double(x.count)
        let centred = x.map { $0 - mean }
        let meanSquare = centred.reduce(0) { $0 + $1 * $1 } / Double(x.count)
        let invRms = 1.0 / (meanSquare + eps).squareRoot()
        return centred.map { $0 * invRms }
    }
}
