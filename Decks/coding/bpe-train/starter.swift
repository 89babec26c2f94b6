class Solution {
    func bpeTrain(_ words: [String], _ numMerges: Int) -> [String] {
        return []
    }
}
