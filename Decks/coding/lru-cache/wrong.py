class LRUCache:
    # Plausible but wrong: evicts in insertion order (FIFO) — a get does not make a key recent.
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.values = {}

    def get(self, key: int) -> int:
        return self.values.get(key, -1)

    def put(self, key: int, value: int) -> None:
        if key in self.values:
            del self.values[key]
        elif len(self.values) == self.capacity:
            del self.values[next(iter(self.values))]
        self.values[key] = value
