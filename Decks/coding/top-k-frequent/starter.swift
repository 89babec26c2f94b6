class Solution {
    func topKFrequent(_ nums: [Int], _ k: Int) -> [Int] {
        return []
    }
}
