class Solution:
    # Plausible but wrong: the swap is never undone, so later branches start from a scrambled array;
    # from three numbers on, some permutations repeat and others are missing.
    def permute(self, nums: List[int]) -> List[List[int]]:
        current = list(nums)
        result = []

        def arrange(start):
            if start == len(current):
                result.append(current[:])
                return
            for i in range(start, len(current)):
                current[start], current[i] = current[i], current[start]
                arrange(start + 1)

        arrange(0)
        return result
