class Solution {
    // Idea: the hours needed only fall as the speed k grows, so binary search the smallest k in
    // [1, max(piles)] that finishes within h hours. O(n log max) time, O(1) space.
    func minEatingSpeed(_ piles: [Int], _ h: Int) -> Int {
        var lo = 1
        var hi = piles.max() ?? 1
        while lo < hi {
            let k = lo + (hi - lo) / 2
            var hours = 0
            for p in piles { hours += (p + k - 1) / k }
            if hours <= h {
                hi = k
            } else {
                lo = k + 1
            }
        }
        return lo
    }
}
