import Foundation

class Solution {
    // Plausible but wrong: the progress is an integer division, so it stays 0 until the very end.
    func getLr(_ step: Int, _ warmupSteps: Int, _ totalSteps: Int, _ maxLr: Double, _ minLr: Double) -> Double {
        if step < warmupSteps {
            return maxLr * Double(step + 1) / Double(warmupSteps)
        }
        if step >= totalSteps {
            return minLr
        }
        let progress = Double((step - warmupSteps) / (totalSteps - warmupSteps))
        return minLr + 0.5 * (maxLr - minLr) * (1 + cos(Double.pi * progress))
    }
}
