class Solution {
    // Plausible but wrong: the deque holds values, not indices, and evicts equal values too; the
    // value leaving the window is then matched against a later copy of itself and removed early.
    func maxSlidingWindow(_ nums: [Int], _ k: Int) -> [Int] {
        var dq: [Int] = []
        var out: [Int] = []
        for (i, x) in nums.enumerated() {
            if i >= k, let first = dq.first, first == nums[i - k] { dq.removeFirst() }
            while let last = dq.last, last <= x { dq.removeLast() }
            dq.append(x)
            if i >= k - 1 { out.append(dq[0]) }
        }
        return out
    }
}
