// Plausible but wrong: updating an existing key changes its value but does not make it recent.
class LRUCache {
    private let capacity: Int
    private var values: [Int: Int] = [:]
    private var order: [Int] = []

    init(_ capacity: Int) { self.capacity = capacity }

    private func touch(_ key: Int) {
        order.removeAll { $0 == key }
        order.append(key)
    }

    func get(_ key: Int) -> Int {
        guard let value = values[key] else { return -1 }
        touch(key)
        return value
    }

    func put(_ key: Int, _ value: Int) {
        if values[key] != nil {
            values[key] = value
            return
        }
        if values.count == capacity {
            let oldest = order.removeFirst()
            values[oldest] = nil
        }
        values[key] = value
        order.append(key)
    }
}
