import Foundation

class Solution {
    func crossEntropyLoss(_ logits: [[Double]], _ targets: [Int]) -> Double {
        return 0
    }
}
