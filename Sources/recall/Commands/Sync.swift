import ArgumentParser
import Foundation
import Notebook

extension Recall {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "sync",
            abstract:
                "Sync deck sources (commit local edits, fetch, merge card by card, import changed files, push) and review events."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Only this source (default: every source, then the progress remote).")
        var name: String?

        struct SourceReport: Encodable {
            var source: String
            var fetched, added, updated, removed, restored, files_imported, committed, pushed, push_retries: Int
            var conflicts: [String]
            var errors: [String]
            var failure: String?
        }

        struct ProgressReport: Encodable {
            var sent, received, retracted, pushed: Int
            var errors: [String]
            var failure: String?
        }

        struct Report: Encodable {
            var sources: [SourceReport]
            var progress: ProgressReport?
            var failures: [String: String]
        }

        func run() throws {
            let notebook = try global.notebook()
            let result = try notebook.sync(name, progress: TransferMeter.handler(json: global.json))
            TransferMeter.finish()
            let report = Report(
                sources: result.sources.map {
                    SourceReport(
                        source: $0.source, fetched: $0.fetched, added: $0.added, updated: $0.updated,
                        removed: $0.removed, restored: $0.restored, files_imported: $0.filesImported,
                        committed: $0.committed, pushed: $0.pushed, push_retries: $0.pushRetries,
                        conflicts: $0.conflicts, errors: $0.problems,
                        failure: $0.failure)
                },
                progress: result.progress.map {
                    ProgressReport(
                        sent: $0.sent, received: $0.received, retracted: $0.retracted, pushed: $0.pushed,
                        errors: $0.problems,
                        failure: $0.failure)
                }, failures: result.failures)
            if global.json {
                try Output.json(report)
            } else {
                printText(report)
            }
            if result.needsAttention { throw CommandFailure(status: 1) }
        }

        private func printText(_ report: Report) {
            if report.sources.isEmpty && report.progress == nil && report.failures.isEmpty {
                print("nothing to sync: add a deck source (`recall source add URL`) or a progress remote")
            }
            for s in report.sources {
                print(
                    "\(s.source): \(s.fetched) commit(s) fetched, \(s.added) added, \(s.updated) updated, \(s.removed) removed, \(s.pushed) commit(s) pushed"
                )
                for error in s.errors { Output.error("  \(error)") }
                if let failure = s.failure { Output.error("  \(failure)") }
                for card in s.conflicts {
                    Output.error(
                        "  conflict on \(card): both versions kept; `recall conflicts resolve \(card) --ours|--theirs`")
                }
            }
            for (name, failure) in report.failures.sorted(by: { $0.key < $1.key }) {
                Output.error("\(name): \(failure)")
            }
            if let p = report.progress {
                print(
                    "progress: \(p.sent) event(s) sent, \(p.received) received"
                        + (p.retracted > 0 ? ", \(p.retracted) undone grade(s) retracted" : ""))
                for error in p.errors { Output.error("  \(error)") }
                if let failure = p.failure { Output.error("  \(failure)") }
            }
        }
    }
}
