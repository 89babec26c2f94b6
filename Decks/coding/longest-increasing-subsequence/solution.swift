class Solution {
    // Idea: patience sorting; tails[L] is the smallest tail of an increasing subsequence of length L+1, updated by binary search. O(n log n) time, O(n) space.
    func lengthOfLIS(_ nums: [Int]) -> Int {
        var tails: [Int] = []
        for x in nums {
            // First index with tails[i] >= x (lower bound): equal values never extend.
            var lo = 0
            var hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tails[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            if lo == tails.count {
                tails.append(x)
            } else {
                tails[lo] = x
            }
        }
        return tails.count
    }
}
