import Foundation

class Solution {
    // Idea: project x to Q, K, V (x·W), split the columns into contiguous heads, run causal
    // softmax(Q_h K_hᵀ / sqrt(d_head)) V_h per head, concatenate and project with wo.
    // O(seq² · d_model + seq · d_model²) time.
    func multiHeadAttention(_ x: [[Double]], _ wq: [[Double]], _ wk: [[Double]], _ wv: [[Double]], _ wo: [[Double]], _ num_heads: Int) -> [[Double]] {
        func matmul(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
            a.map { row in
                (0..<b[0].count).map { j in row.indices.reduce(0.0) { $0 + row[$1] * b[$1][j] } }
            }
        }
        let q = matmul(x, wq), k = matmul(x, wk), v = matmul(x, wv)
        let seq = x.count, dModel = wq[0].count
        let dh = dModel / num_heads
        let scale = 1.0 / Double(dh).squareRoot()
        var concat = [[Double]](repeating: [Double](repeating: 0, count: dModel), count: seq)
        for h in 0..<num_heads {
            let cols = (h * dh)..<((h + 1) * dh)
            for i in 0..<seq {
                // Causal: position i attends to positions 0...i only.
                let scores = (0...i).map { j in scale * cols.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } }
                let m = scores.max()!
                let w = scores.map { exp($0 - m) }
                let total = w.reduce(0, +)
                for c in cols {
                    concat[i][c] = (0...i).reduce(0.0) { $0 + w[$1] * v[$1][c] } / total
                }
            }
        }
        return matmul(concat, wo)
    }
}
