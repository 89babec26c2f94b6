class MinStack {
    init() {
    }

    func push(_ val: Int) {
    }

    func pop() {
    }

    func top() -> Int {
        return 0
    }

    func getMin() -> Int {
        return 0
    }
}
