import CodeRunner
import RecallTestSupport

extension Checker {
    /// A checker whose wall-clock limits are stretched by `Patience.wallClockFactor`: for tests whose
    /// solution must not be judged Time Limit Exceeded just because the machine is slow or busy. The
    /// CPU-time limit is unchanged, so an endless loop still ends as Time Limit Exceeded.
    static func patient(bwrap: String? = Sandbox.findBwrap()) -> Checker {
        Checker(sandbox: Sandbox(bwrap: bwrap, wallClockFactor: Patience.wallClockFactor))
    }

    /// A checker with the product's own wall-clock limits, whatever the environment says.
    static var strict: Checker { Checker(sandbox: Sandbox(wallClockFactor: 1)) }
}
