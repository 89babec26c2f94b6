import Foundation

class Solution {
    // Idea: project each row down to rank r first (x·Aᵀ), then up (·Bᵀ), so the low-rank path costs
    // O(n·r·(in + out)) on top of the O(n·in·out) base layer, never forming B·A.
    func loraForward(_ x: [[Double]], _ w: [[Double]], _ a: [[Double]], _ b: [[Double]], _ alpha: Double) -> [[Double]] {
        func dot(_ u: [Double], _ v: [Double]) -> Double {
            zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let scale = alpha / Double(a.count)
        return x.map { row in
            let low = a.map { dot(row, $0) }
            return zip(w, b).map { wRow, bRow in dot(row, wRow) + scale * dot(low, bRow) }
        }
    }
}
