import Foundation

class Solution {
    // Idea: elementwise; shrink the parameter by lr·weight_decay first (decoupled decay, never
    // mixed into the gradient or the moments), then the usual bias-corrected Adam update. O(n) time.
    func adamwStep(_ params: [Double], _ grads: [Double], _ m: [Double], _ v: [Double], _ t: Int, _ lr: Double, _ beta1: Double, _ beta2: Double, _ eps: Double, _ weight_decay: Double) -> [[Double]] {
        let c1 = 1.0 - pow(beta1, Double(t))
        let c2 = 1.0 - pow(beta2, Double(t))
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
