import Dispatch

/// `map` over all cores for independent, pure work (parsing files).
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Result storage written by concurrent iterations, each to its own slot.
private final class ResultSlots<R>: @unchecked Sendable {  // each slot is written by exactly one iteration
    private var slots: [R?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) { slots.withUnsafeMutableBufferPointer { $0[index] = value } }
    /// Every slot is filled once `concurrentPerform` returns.
    var values: [R] { slots.map { $0! } }
}
