import Foundation

class Solution {
    func adamwStep(_ params: [Double], _ grads: [Double], _ m: [Double], _ v: [Double], _ t: Int, _ lr: Double, _ beta1: Double, _ beta2: Double, _ eps: Double, _ weight_decay: Double) -> [[Double]] {
        return []
    }
}
