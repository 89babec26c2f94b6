import Foundation

class Solution {
    // Plausible but wrong: computes KL(q || p) instead of KL(p || q) — the divergence is not
    // symmetric.
    func klDivergence(_ p: [Double], _ q: [Double]) -> Double {
        var total = 0.0
        for (pi, qi) in zip(p, q) where qi > 0 && pi > 0 {
            total += qi * log(qi / pi)
        }
        return total
    }
}
