class Solution {
    // Idea: quickselect with a random pivot and a three-way partition (Dutch national flag), so runs
    // of equal values cannot make it quadratic. O(n) expected time, O(1) extra space.
    func findKthLargest(_ nums: [Int], _ k: Int) -> Int {
        var a = nums
        var lo = 0
        var hi = a.count - 1
        let target = k - 1  // index of the answer in descending order
        while true {
            let pivot = a[Int.random(in: lo...hi)]
            // After the pass: a[lo..<gt] > pivot, a[gt..<i] == pivot, a[lt+1...hi] < pivot.
            var gt = lo
            var i = lo
            var lt = hi
            while i <= lt {
                if a[i] > pivot {
                    a.swapAt(i, gt)
                    gt += 1
                    i += 1
                } else if a[i] < pivot {
                    a.swapAt(i, lt)
                    lt -= 1
                } else {
                    i += 1
                }
            }
            if target < gt {
                hi = gt - 1
            } else if target <= lt {
                return pivot
            } else {
                lo = lt + 1
            }
        }
    }
}
