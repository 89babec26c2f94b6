class Solution {
    // Idea: monotonic deque of indices whose values decrease from front to back; a new value
    // evicts the smaller ones behind it (they can never be a maximum again), and the front
    // leaves once it falls out of the window. Each index enters and leaves once: O(n) time.
    func maxSlidingWindow(_ nums: [Int], _ k: Int) -> [Int] {
        var dq = [Int](repeating: 0, count: nums.count)  // deque as an array with a moving head
        var head = 0
        var tail = 0
        var out: [Int] = []
        out.reserveCapacity(nums.count - k + 1)
        for (i, x) in nums.enumerated() {
            while tail > head && nums[dq[tail - 1]] <= x { tail -= 1 }
            dq[tail] = i
            tail += 1
            if dq[head] <= i - k { head += 1 }
            if i >= k - 1 { out.append(nums[dq[head]]) }
        }
        return out
    }
}
