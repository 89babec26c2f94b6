import Foundation

class Solution {
    func layerNorm(_ x: [Double], _ eps: Double) -> [Double] {
        return []
    }
}
