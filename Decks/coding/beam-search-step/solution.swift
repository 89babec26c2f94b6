class Solution {
    // Idea: score every (beam, token) candidate, sort by score descending then (beam, token), keep the first k. O(B·V·log(B·V)) time.
    func beamSearchStep(_ scores: [Double], _ logProbs: [[Double]], _ k: Int) -> [[Int]] {
        var candidates: [(score: Double, beam: Int, token: Int)] = []
        for (b, row) in logProbs.enumerated() {
            for (t, lp) in row.enumerated() {
                candidates.append((scores[b] + lp, b, t))
            }
        }
        candidates.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            return ($0.beam, $0.token) < ($1.beam, $1.token)
        }
        return candidates.prefix(k).map { [$0.beam, $0.token] }
    }
}
