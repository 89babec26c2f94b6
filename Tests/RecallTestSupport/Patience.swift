import Foundation

/// How long tests wait for something that must happen. Deadlines are generous, because a machine
/// with one core, or with every core busy, can be many times slower than a developer's laptop; a
/// test waits for a condition and never asserts how long it took. `RECALL_TEST_PATIENCE` (a
/// number ≥ 1) multiplies every deadline, for a machine slower still.
public enum Patience {
    public static let factor: Double = {
        let raw = ProcessInfo.processInfo.environment["RECALL_TEST_PATIENCE"].flatMap(Double.init) ?? 1
        return max(raw, 1)
    }()

    /// The deadline for anything a test waits for: 120 s, times the factor.
    public static var standard: TimeInterval { 120 * factor }

    /// Polls `condition` every `interval` seconds until it holds (true) or `seconds` pass (false).
    public static func poll(
        for seconds: TimeInterval = standard, every interval: TimeInterval = 0.05, until condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// The wall-clock factor given to the code runner in tests (`RECALL_WALL_CLOCK_FACTOR`): a correct
    /// solution must not be judged Time Limit Exceeded because the machine is slow or busy.
    public static let wallClockFactor = 20.0
}
