class Solution:
    # Idea: backtracking over the sorted candidates; the next pick starts at the current index (reuse allowed,
    # no reordered duplicates) and the loop stops once a candidate exceeds what is left.
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        values = sorted(candidates)
        result = []
        path = []

        def pick(start, remaining):
            if remaining == 0:
                result.append(path[:])
                return
            for i in range(start, len(values)):
                if values[i] > remaining:
                    break
                path.append(values[i])
                pick(i, remaining - values[i])
                path.pop()

        pick(0, target)
        return result
