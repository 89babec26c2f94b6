import Foundation

class Solution {
    func cosineTopK(_ query: [Double], _ docs: [[Double]], _ k: Int) -> [Int] {
        return []
    }
}
