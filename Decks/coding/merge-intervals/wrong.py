class Solution:
    # Plausible but wrong: the merged end is overwritten with the new end instead of taking the max,
    # so an interval contained in the previous one shrinks it.
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        merged = []
        for start, end in sorted(intervals):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = end
            else:
                merged.append([start, end])
        return merged
