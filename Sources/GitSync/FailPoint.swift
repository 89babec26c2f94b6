import Foundation

/// Named points where a crash test can have the process killed with SIGKILL, to prove that an
/// interrupted sync leaves everything consistent: `RECALL_FAILPOINT=name` kills the process when
/// execution reaches `name`. Costs one environment lookup when unset.
public enum FailPoint {
    public static func hit(_ name: String) {
        guard let wanted = getenv("RECALL_FAILPOINT"), String(cString: wanted) == name else { return }
        kill(getpid(), SIGKILL)
    }

    static var isArmed: Bool { getenv("RECALL_FAILPOINT") != nil }
}
