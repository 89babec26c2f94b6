import Foundation

class Solution {
    // Idea: pair dimensions (2i, 2i+1) and rotate each pair of row p by the angle
    // p · 10000^(−2i/d), as in RoFormer. O(seq · d) time.
    func applyRope(_ x: [[Double]]) -> [[Double]] {
        return x.enumerated().map { p, row in
            let d = row.count
            var y = row
            for i in 0..<(d / 2) {
                let angle = Double(p) * pow(10000.0, -2.0 * Double(i) / Double(d))
                let c = cos(angle), s = sin(angle)
                let a = row[2 * i], b = row[2 * i + 1]
                y[2 * i] = a * c - b * s
                y[2 * i + 1] = a * s + b * c
            }
            return y
        }
    }
}
