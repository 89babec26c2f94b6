class Solution {
    // Idea: quickselect on squared distance (no square root needed): partition until the k
    // closest occupy the first k slots. O(n) expected time, O(n) space for the copy.
    func kClosest(_ points: [[Int]], _ k: Int) -> [[Int]] {
        var p = points
        func dist(_ q: [Int]) -> Int { q[0] * q[0] + q[1] * q[1] }
        var lo = 0
        var hi = p.count - 1
        while lo < hi {
            p.swapAt(Int.random(in: lo...hi), hi)
            let pivot = dist(p[hi])
            var store = lo
            for i in lo..<hi where dist(p[i]) < pivot {
                p.swapAt(i, store)
                store += 1
            }
            p.swapAt(store, hi)  // p[store] now holds the pivot in its final place
            if store == k - 1 || store == k {
                break
            } else if store < k {
                lo = store + 1
            } else {
                hi = store - 1
            }
        }
        return Array(p[0..<k])
    }
}
