import Foundation

class Solution {
    // Plausible but wrong: uses the rsLoRA factor alpha / sqrt(r) where the task asks for alpha / r.
    func loraForward(_ x: [[Double]], _ w: [[Double]], _ a: [[Double]], _ b: [[Double]], _ alpha: Double) -> [[Double]] {
        func dot(_ u: [Double], _ v: [Double]) -> Double {
            zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let scale = alpha / Double(a.count).squareRoot()
        return x.map { row in
            let low = a.map { dot(row, $0) }
            return zip(w, b).map { wRow, bRow in dot(row, wRow) + scale * dot(low, bRow) }
        }
    }
}
