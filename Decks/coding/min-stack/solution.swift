// Idea: each entry stores its value and the minimum of the stack up to it, so the minimum after a
// pop is simply the new top's. O(1) per operation, O(n) space.
class MinStack {
    private var items: [(value: Int, low: Int)] = []

    init() {}

    func push(_ val: Int) {
        let low = items.last.map { min($0.low, val) } ?? val
        items.append((val, low))
    }

    func pop() {
        items.removeLast()
    }

    func top() -> Int {
        return items[items.count - 1].value
    }

    func getMin() -> Int {
        return items[items.count - 1].low
    }
}
