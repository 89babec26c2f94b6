class LRUCache {
    init(_ capacity: Int) {
    }

    func get(_ key: Int) -> Int {
        return -1
    }

    func put(_ key: Int, _ value: Int) {
    }
}
