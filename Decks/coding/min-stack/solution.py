class MinStack:
    # Idea: each entry stores its value and the minimum of the stack up to it, so the minimum
    # after a pop is simply the new top's. O(1) per operation, O(n) space.
    def __init__(self):
        self.items = []

    def push(self, val: int) -> None:
        low = min(val, self.items[-1][1]) if self.items else val
        self.items.append((val, low))

    def pop(self) -> None:
        self.items.pop()

    def top(self) -> int:
        return self.items[-1][0]

    def getMin(self) -> int:
        return self.items[-1][1]
