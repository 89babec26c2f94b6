class Solution:
    # Plausible but wrong: every level restarts from the first candidate, so the same combination
    # comes back once per ordering ([2,2,3], [2,3,2], [3,2,2]).
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        values = sorted(candidates)
        result = []
        path = []

        def pick(remaining):
            if remaining == 0:
                result.append(path[:])
                return
            for x in values:
                if x > remaining:
                    break
                path.append(x)
                pick(remaining - x)
                path.pop()

        pick(target)
        return result
