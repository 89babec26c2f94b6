class Solution {
    func minEatingSpeed(_ piles: [Int], _ h: Int) -> Int {
        return 0
    }
}
