import Foundation

class Solution {
    // Plausible but wrong: forgets the causal mask, so every position also attends to later ones.
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
                let scores = (0..<seq).map { j in scale * cols.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } }
                let m = scores.max()!
                let w = scores.map { exp($0 - m) }
                let total = w.reduce(0, +)
                for c in cols {
                    concat[i][c] = (0..<seq).reduce(0.0) { $0 + w[$1] * v[$1][c] } / total
                }
            }
        }
        return matmul(concat, wo)
    }
}
