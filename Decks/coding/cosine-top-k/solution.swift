import Foundation

class Solution {
    // Idea: cosine = dot / (|q| |d|) per document (0 for a zero document), then sort indices by (-similarity, index). O(N·d + N log N) time.
    func cosineTopK(_ query: [Double], _ docs: [[Double]], _ k: Int) -> [Int] {
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let queryNorm = dot(query, query).squareRoot()
        let sims = docs.map { doc -> Double in
            let docNorm = dot(doc, doc).squareRoot()
            return docNorm == 0 ? 0 : dot(query, doc) / (queryNorm * docNorm)
        }
        let ranked = docs.indices.sorted { sims[$0] != sims[$1] ? sims[$0] > sims[$1] : $0 < $1 }
        return Array(ranked.prefix(k))
    }
}
