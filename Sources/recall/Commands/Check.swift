import ArgumentParser
import CodeRunner
import DeckFormat
import Foundation
import Notebook
import RecallCore
import TerminalUI

extension Recall {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "check",
            abstract: "Run a solution against an exercise's test cases in the sandbox; exit 0 only on Accepted.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var named: OneExercise

        @Argument(help: "Your solution file (.py, .swift, .cpp).")
        var file: String

        @Option(help: "The solution's language (default: from the file's extension).")
        var lang: Language?

        @Flag(help: "Run code from a subscribed deck even when bubblewrap is missing.")
        var allowUnsandboxed = false

        struct Report: Encodable {
            struct Case: Encodable {
                var name, status: String
                var input, expected, actual, message: String?
            }
            var verdict: String
            var cases: [Case]
            var message: String?
            var time_ms: Int
            var compile_ms: Int
            var sandboxed: Bool
        }

        func validate() throws {
            // Both sides are on the command line: a contradiction between them is a usage error.
            if let conflict = SolutionFile.languageConflict(URL(fileURLWithPath: file), given: lang) {
                throw ValidationError(conflict)
            }
        }

        func run() throws {
            let notebook = try global.notebook()
            let report = try notebook.check(
                named.exercise, file: URL(fileURLWithPath: file), language: lang, allowUnsandboxed: allowUnsandboxed)
            if !report.sandboxed {
                Output.error(
                    "warning: bubblewrap (bwrap) is not installed: the code ran under resource limits only, not isolated"
                )
            }
            if global.json {
                try Output.json(
                    Report(
                        verdict: report.verdict.rawValue,
                        cases: report.cases.map {
                            .init(
                                name: $0.name, status: $0.status.rawValue, input: $0.input, expected: $0.expected,
                                actual: $0.actual, message: $0.message)
                        }, message: report.message, time_ms: report.timeMs, compile_ms: report.compileMs,
                        sandboxed: report.sandboxed))
            } else {
                var rows = [["#", "CASE", "STATUS", "INPUT", "EXPECTED", "ACTUAL"]]
                for (i, c) in report.cases.enumerated() {
                    rows.append([
                        "\(i + 1)", c.name, c.status.rawValue, Output.oneLine(c.input ?? "", width: 28),
                        Output.oneLine(c.expected ?? "", width: 20),
                        Output.oneLine(c.actual ?? c.message ?? "", width: 24),
                    ])
                }
                print(TableRenderer.columns(rows))
                if let message = report.message { print("\n" + message) }
                print(
                    "\n\(report.verdict.rawValue): \(report.passed)/\(report.cases.count) cases passed in \(report.timeMs) ms"
                )
            }
            if report.verdict != .accepted { throw CommandFailure(status: 1) }
        }
    }
}
