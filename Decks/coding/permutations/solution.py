class Solution:
    # Idea: backtracking; fill one position at a time with a number not used yet, then undo. O(n * n!) time.
    def permute(self, nums: List[int]) -> List[List[int]]:
        result = []
        path = []
        used = [False] * len(nums)

        def fill():
            if len(path) == len(nums):
                result.append(path[:])
                return
            for i, x in enumerate(nums):
                if not used[i]:
                    used[i] = True
                    path.append(x)
                    fill()
                    path.pop()
                    used[i] = False

        fill()
        return result
