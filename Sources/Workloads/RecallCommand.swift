import Foundation
import RecallCore
import Spawning

/// The built `recall` run as a whole process by a benchmark: this process's environment with the
/// clock at 10:00 UTC on the workload's day, output discarded.
struct RecallCommand {
    var binary: URL
    var environment: [String: String]

    init(binary: URL, today: StudyDay) {
        self.binary = binary
        environment = ProcessInfo.processInfo.environment
        environment["RECALL_NOW"] = today.iso + "T10:00:00Z"
        environment["TZ"] = "UTC"
    }

    /// Runs `recall arguments` and waits for it; throws unless it exits 0 (`what` names the run in
    /// the error, by default the subcommand).
    func run(_ arguments: [String], what: String? = nil) throws {
        let status = try Spawn.runQuietly(binary.path, arguments, environment: environment)
        if status != 0 { throw BenchError.spawn("recall \(what ?? arguments[0]) exited with status \(status)") }
    }
}
