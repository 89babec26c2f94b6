class Solution {
    // Idea: sort, fix the smallest element, then close two pointers on the rest; skipping equal
    // neighbours at every level keeps each triplet once. O(n^2) time, O(1) extra besides the output.
    func threeSum(_ nums: [Int]) -> [[Int]] {
        let a = nums.sorted()
        let n = a.count
        var out: [[Int]] = []
        var i = 0
        while i + 2 < n && a[i] <= 0 {
            if i == 0 || a[i] != a[i - 1] {
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
            }
            i += 1
        }
        return out
    }
}
