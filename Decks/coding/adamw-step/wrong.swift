import Foundation

class Solution {
    // Plausible but wrong: skips the bias correction, so early steps (small t) move far too little.
    func adamwStep(_ params: [Double], _ grads: [Double], _ m: [Double], _ v: [Double], _ t: Int, _ lr: Double, _ beta1: Double, _ beta2: Double, _ eps: Double, _ weight_decay: Double) -> [[Double]] {
        let c1 = 1.0
        let c2 = 1.0
        var newP: [Double] = [], newM: [Double] = [], newV: [Double] = []
        for i in params.indices {
            let g = grads[i]
            let mi = beta1 * m[i] + (1.0 - beta1) * g
            let vi = beta2 * v[i] + (1.0 - beta2) * g * g
            let decayed = params[i] * (1.0 - lr * weight_decay)
            newP.append(decayed - lr * (mi / c1) / ((vi / c2).squareRoot() + eps))
            newM.append(mi)
            newV.append(vi)
        }
        return [newP, newM, newV]
    }
}
