import Foundation

class Solution {
    // Idea: divide every element by sqrt(mean of squares + eps); no centring, unlike LayerNorm. O(n) time.
    func rmsNorm(_ x: [Double], _ eps: Double) -> [Double] {
        let meanSquare = x.reduce(0) { $0 + $1 * $1 } / Double(x.count)
        let invRms = 1.0 / (meanSquare + eps).squareRoot()
        return x.map { $0 * invRms }
    }
}
