import Foundation

class Solution {
    func klDivergence(_ p: [Double], _ q: [Double]) -> Double {
        return 0
    }
}
