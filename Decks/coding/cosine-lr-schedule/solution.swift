import Foundation

class Solution {
    // Idea: three regimes checked in order (warmup, past the end, cosine); O(1).
    func getLr(_ step: Int, _ warmupSteps: Int, _ totalSteps: Int, _ maxLr: Double, _ minLr: Double) -> Double {
        if step < warmupSteps {
            return maxLr * Double(step + 1) / Double(warmupSteps)
        }
        if step >= totalSteps {
            return minLr
        }
        let progress = Double(step - warmupSteps) / Double(totalSteps - warmupSteps)
        return minLr + 0.5 * (maxLr - minLr) * (1 + cos(Double.pi * progress))
    }
}
