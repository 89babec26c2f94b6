import Foundation

/// Named points where a crash or race test can intervene, to prove that an interrupted or
/// overtaken sync leaves everything consistent. Costs one environment lookup when unused.
/// - `RECALL_FAILPOINT=name`: the process kills itself with SIGKILL on reaching `name`.
/// - `RECALL_PAUSEPOINT=name=/path/flag`: on reaching `name` it creates `/path/flag.paused` and
///   waits until `/path/flag` exists, letting a test act in between (10 minutes at most: a test on a
///   slow machine may take long, and always makes the flag when it ends).
public enum FailPoint {
    public static func hit(_ name: String) {
        if let wanted = getenv("RECALL_FAILPOINT"), String(cString: wanted) == name {
            kill(getpid(), SIGKILL)
        }
        if let raw = getenv("RECALL_PAUSEPOINT") {
            let spec = String(cString: raw)
            guard let equals = spec.firstIndex(of: "="), spec[..<equals] == name else { return }
            let flag = String(spec[spec.index(after: equals)...])
            _ = FileManager.default.createFile(atPath: flag + ".paused", contents: nil)
            for _ in 0..<12_000 where !FileManager.default.fileExists(atPath: flag) { usleep(50_000) }
        }
    }

    static var isArmed: Bool { getenv("RECALL_FAILPOINT") != nil }
}
