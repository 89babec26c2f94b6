import Dispatch

/// `map` over all cores for independent, pure work (parsing files).
enum ParallelMap {
    /// Race-free by construction: the result array's storage is obtained once, before any task
    /// runs, and iteration `i` initializes element `i` only; no task touches the array itself.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            let slots = Slots(base: base)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (slots.base + index).initialize(to: transform(items[index]))
            }
            initializedCount = items.count  // concurrentPerform returns once every iteration has run
        }
    }
}

/// The result buffer, shared with the iterations.
private struct Slots<R>: @unchecked Sendable {  // each element is initialized by exactly one iteration
    let base: UnsafeMutablePointer<R>
}
