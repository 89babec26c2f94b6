import Foundation

class Solution {
    func topKTopP(_ logits: [Double], _ k: Int, _ p: Double) -> [Int] {
        return []
    }
}
