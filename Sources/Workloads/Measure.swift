import Foundation

/// Timing helpers: wall-clock durations in milliseconds, summarised as median and spread.
public enum Measure {
    public struct Summary: Sendable, Codable {
        public var median: Double
        public var min: Double
        public var max: Double
        public var runs: Int

        public init(_ samples: [Double]) {
            let sorted = samples.sorted()
            runs = sorted.count
            min = sorted.first ?? 0
            max = sorted.last ?? 0
            median =
                sorted.isEmpty
                ? 0
                : sorted.count % 2 == 1
                    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }

    /// Milliseconds taken by `body`.
    public static func once(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// `runs` timings of `body` after `warmup` untimed calls.
    public static func repeated(_ runs: Int, warmup: Int = 2, _ body: (Int) throws -> Void) rethrows -> Summary {
        for index in 0..<warmup { try body(-1 - index) }
        var samples: [Double] = []
        for index in 0..<runs { samples.append(try once { try body(index) }) }
        return Summary(samples)
    }
}
