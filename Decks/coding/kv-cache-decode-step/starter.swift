import Foundation

class Solution {
    func decodeStep(_ k_cache: [[Double]], _ v_cache: [[Double]], _ q: [Double], _ k: [Double], _ v: [Double]) -> [Double] {
        return []
    }
}
