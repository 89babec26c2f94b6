import Foundation

class Solution {
    // Plausible but wrong: ignores the temperature, so the nucleus and the sampled token are
    // those of the temperature-1 distribution.
    func topPSample(_ logits: [Double], _ p: Double, _ temperature: Double, _ seed: Int) -> Int {
        let z = logits
        let m = z.max()!
        let e = z.map { exp($0 - m) }
        var total = 0.0
        for x in e { total += x }
        let probs = e.map { $0 / total }
        let order = logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
        var nucleus: [Int] = []
        var mass = 0.0
        for i in order {
            nucleus.append(i)
            mass += probs[i]
            if mass >= p { break }
        }
        // Wrapping arithmetic is exactly "mod 2^64".
        let x = 6_364_136_223_846_793_005 &* UInt64(seed) &+ 1_442_695_040_888_963_407
        let u = Double(x >> 11) / 9_007_199_254_740_992.0
        let target = u * mass
        var acc = 0.0
        for i in nucleus {
            acc += probs[i]
            if acc > target { return i }
        }
        return nucleus.last!
    }
}
