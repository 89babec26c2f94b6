class Solution {
    // Plausible but wrong: hours per pile are rounded down (p / k), so a pile's leftover bananas
    // cost no extra hour and the speed comes out too low.
    func minEatingSpeed(_ piles: [Int], _ h: Int) -> Int {
        var lo = 1
        var hi = piles.max() ?? 1
        while lo < hi {
            let k = lo + (hi - lo) / 2
            var hours = 0
            for p in piles { hours += p / k }
            if hours <= h {
                hi = k
            } else {
                lo = k + 1
            }
        }
        return lo
    }
}
