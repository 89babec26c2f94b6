import Foundation

class Solution {
    // Idea: sum -p_i * ln(q_i) over the outcomes with p_i > 0 (0 * ln 0 counts as 0). O(n) time.
    func crossEntropy(_ p: [Double], _ q: [Double]) -> Double {
        var total = 0.0
        for (pi, qi) in zip(p, q) where pi > 0 {
            total -= pi * log(qi)
        }
        return total
    }
}
