class Solution {
    // Plausible but wrong: ranks candidates by the token's log-probability alone, forgetting to
    // add the beam's running score.
    func beamSearchStep(_ scores: [Double], _ logProbs: [[Double]], _ k: Int) -> [[Int]] {
        var candidates: [(score: Double, beam: Int, token: Int)] = []
        for (b, row) in logProbs.enumerated() {
            for (t, lp) in row.enumerated() {
                candidates.append((lp, b, t))
            }
        }
        candidates.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            return ($0.beam, $0.token) < ($1.beam, $1.token)
        }
        return candidates.prefix(k).map { [$0.beam, $0.token] }
    }
}
