import Foundation

class Solution {
    // Plausible but wrong: the arguments of the logarithm are swapped: -sum q_i ln p_i.
    func crossEntropy(_ p: [Double], _ q: [Double]) -> Double {
        var total = 0.0
        for (pi, qi) in zip(p, q) where qi > 0 && pi > 0 {
            total -= qi * log(pi)
        }
        return total
    }
}
