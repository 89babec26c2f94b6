import Foundation

class Solution {
    // Plausible but wrong: ranks by the dot product without dividing by the norms, so long
    // vectors win regardless of direction.
    func cosineTopK(_ query: [Double], _ docs: [[Double]], _ k: Int) -> [Int] {
        let sims = docs.map { doc in zip(query, doc).reduce(0.0) { $0 + $1.0 * $1.1 } }
        let ranked = docs.indices.sorted { sims[$0] != sims[$1] ? sims[$0] > sims[$1] : $0 < $1 }
        return Array(ranked.prefix(k))
    }
}
