class Solution:
    # Idea: sort by start; extend the last merged interval while the next one starts inside it. O(n log n) time, O(n) output.
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        merged = []
        for start, end in sorted(intervals):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return merged
