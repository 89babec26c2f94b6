import Foundation

class Solution {
    // Plausible but wrong: exponentiates the raw logits, which overflows for large ones.
    func softmax(_ logits: [Double]) -> [Double] {
        let exps = logits.map { exp($0) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
