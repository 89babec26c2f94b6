import Foundation

class Solution {
    func crossEntropy(_ p: [Double], _ q: [Double]) -> Double {
        return 0
    }
}
