import Foundation

class Solution {
    // Plausible but wrong: uses the frequency 10000^(−i/d), dropping the factor 2 of the
    // RoFormer formula, so every pair after the first rotates too slowly.
    func applyRope(_ x: [[Double]]) -> [[Double]] {
        return x.enumerated().map { p, row in
            let d = row.count
            var y = row
            for i in 0..<(d / 2) {
                let angle = Double(p) * pow(10000.0, -1.0 * Double(i) / Double(d))
                let c = cos(angle), s = sin(angle)
                let a = row[2 * i], b = row[2 * i + 1]
                y[2 * i] = a * c - b * s
                y[2 * i + 1] = a * s + b * c
            }
            return y
        }
    }
}
