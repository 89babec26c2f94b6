class Solution:
    # Idea: a monotonic stack of days still waiting for a warmer one; a warmer day pops and answers them.
    # Each index is pushed and popped once: O(n) time.
    def dailyTemperatures(self, temperatures: List[int]) -> List[int]:
        answer = [0] * len(temperatures)
        waiting = []
        for i, t in enumerate(temperatures):
            while waiting and temperatures[waiting[-1]] < t:
                j = waiting.pop()
                answer[j] = i - j
            waiting.append(i)
        return answer
