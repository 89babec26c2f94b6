class Solution:
    # Idea: monotonic deque of indices whose values decrease from front to back; a new value
    # evicts the smaller ones behind it (they can never be a maximum again), and the front
    # leaves once it falls out of the window. Each index enters and leaves once: O(n) time.
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        dq = collections.deque()
        out = []
        for i, x in enumerate(nums):
            while dq and nums[dq[-1]] <= x:
                dq.pop()
            dq.append(i)
            if dq[0] <= i - k:
                dq.popleft()
            if i >= k - 1:
                out.append(nums[dq[0]])
        return out
