import Foundation

class Solution {
    func getLr(_ step: Int, _ warmupSteps: Int, _ totalSteps: Int, _ maxLr: Double, _ minLr: Double) -> Double {
        return 0
    }
}
