import Foundation

class Solution {
    // Idea: sum p_i * ln(p_i / q_i) over the outcomes with p_i > 0 (those with p_i = 0 contribute nothing). O(n) time.
    func klDivergence(_ p: [Double], _ q: [Double]) -> Double {
        var total = 0.0
        for (pi, qi) in zip(p, q) where pi > 0 {
            total += pi * log(pi / qi)
        }
        return total
    }
}
