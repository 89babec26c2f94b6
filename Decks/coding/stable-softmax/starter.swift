import Foundation

class Solution {
    func softmax(_ logits: [Double]) -> [Double] {
        return []
    }
}
