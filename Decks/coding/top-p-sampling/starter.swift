import Foundation

class Solution {
    func topPSample(_ logits: [Double], _ p: Double, _ temperature: Double, _ seed: Int) -> Int {
        return 0
    }
}
