import Foundation

class Solution {
    // Idea: softmax is shift-invariant, so subtract the max first: every exponent is <= 0 and the largest term is exactly 1. O(n) time.
    func softmax(_ logits: [Double]) -> [Double] {
        guard let m = logits.max() else { return [] }
        let exps = logits.map { exp($0 - m) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
