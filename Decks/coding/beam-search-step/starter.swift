class Solution {
    func beamSearchStep(_ scores: [Double], _ logProbs: [[Double]], _ k: Int) -> [[Int]] {
        return []
    }
}
