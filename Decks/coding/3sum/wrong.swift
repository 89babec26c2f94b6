class Solution {
    // Plausible but wrong: equal values are skipped for the two pointers but not for the first
    // element, so [-1, -1, 0, 1, 2] reports [-1, 0, 1] twice.
    func threeSum(_ nums: [Int]) -> [[Int]] {
        let a = nums.sorted()
        let n = a.count
        var out: [[Int]] = []
        var i = 0
        while i + 2 < n {
            var lo = i + 1
            var hi = n - 1
            while lo < hi {
                let s = a[i] + a[lo] + a[hi]
                if s < 0 {
                    lo += 1
                } else if s > 0 {
                    hi -= 1
                } else {
                    out.append([a[i], a[lo], a[hi]])
                    lo += 1
                    hi -= 1
                    while lo < hi && a[lo] == a[lo - 1] { lo += 1 }
                }
            }
            i += 1
        }
        return out
    }
}
