import ArgumentParser
import Notebook

extension Recall {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "doctor",
            abstract: "Check the notebook: SQLite integrity, and every card's state against the refold of its events.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Recompute every card's state from the event log.")
        var refold = false

        func run() throws {
            let report = try global.notebook().checkHealth(refold: refold)
            if global.json {
                try Output.json(report)
            } else {
                print("integrity: \(report.integrity)")
                print(
                    report.inconsistent.isEmpty
                        ? "every card's state equals the fold of its events"
                        : "states differing from their events: \(report.inconsistent.joined(separator: ", "))")
                if let n = report.refolded { print("refolded \(n) cards") }
            }
            if !report.isHealthy { throw CommandFailure(status: 1) }
        }
    }
}
