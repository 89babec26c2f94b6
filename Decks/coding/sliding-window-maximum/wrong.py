class Solution:
    # Plausible but wrong: the deque holds values, not indices, and evicts equal values too; the
    # value leaving the window is then matched against a later copy of itself and removed early.
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        dq = collections.deque()
        out = []
        for i, x in enumerate(nums):
            if i >= k and dq and dq[0] == nums[i - k]:
                dq.popleft()
            while dq and dq[-1] <= x:
                dq.pop()
            dq.append(x)
            if i >= k - 1:
                out.append(dq[0])
        return out
