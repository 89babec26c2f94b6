import Foundation

class Solution {
    func loraForward(_ x: [[Double]], _ w: [[Double]], _ a: [[Double]], _ b: [[Double]], _ alpha: Double) -> [[Double]] {
        return []
    }
}
