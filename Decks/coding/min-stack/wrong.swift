// Plausible but wrong: a second stack of minimums pushed only on a strictly smaller value, so a
// repeated minimum is popped from it too early.
class MinStack {
    private var values: [Int] = []
    private var lows: [Int] = []

    init() {}

    func push(_ val: Int) {
        values.append(val)
        if lows.isEmpty || val < lows[lows.count - 1] { lows.append(val) }
    }

    func pop() {
        let val = values.removeLast()
        if val == lows[lows.count - 1] { lows.removeLast() }
    }

    func top() -> Int { values[values.count - 1] }

    func getMin() -> Int { lows.isEmpty ? values[values.count - 1] : lows[lows.count - 1] }
}
