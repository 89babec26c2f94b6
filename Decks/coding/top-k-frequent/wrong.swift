class Solution {
    // Plausible but wrong: returns the k largest distinct values instead of the k most frequent.
    func topKFrequent(_ nums: [Int], _ k: Int) -> [Int] {
        return Array(Set(nums).sorted(by: >).prefix(k))
    }
}
