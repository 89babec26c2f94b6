import ArgumentParser
import Foundation
import Notebook
import RecallCore

extension Recall {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "show", abstract: "Show a card, its schedule and its history.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var named: OneCard

        struct Report: Encodable {
            struct Event: Encodable {
                var day, kind: String
                var grade: Int
            }
            struct Action: Encodable {
                var day, kind: String
            }
            var card, deck, kind, front, back: String
            var tags: [String]
            var file: String
            var line: Int
            var removed: Bool
            var suspended: Bool
            /// The study day a buried card is back on; absent when not buried.
            var buried_until: String?
            /// Study actions (docs/EVENTS.md) in fold order.
            var actions: [Action]
            /// Always in the document: null for a new card.
            @NullWhenAbsent var state: ScheduleReport?
            var history: [Event]

            init(_ details: CardDetails) {
                let c = details.card
                card = c.key.description
                deck = c.key.deck
                kind = c.kind.rawValue
                front = c.front
                back = c.back
                tags = c.tags
                file = c.sourceFile
                line = c.sourceLine
                removed = details.stored.removed
                suspended = details.stored.suspended
                buried_until = details.stored.buriedUntil?.iso
                actions = details.actions.map { .init(day: $0.day.iso, kind: $0.kind.rawValue) }
                state = details.state.map(ScheduleReport.init)
                history = details.history.map {
                    .init(day: $0.day.iso, kind: $0.kind.rawValue, grade: $0.grade.rawValue)
                }
            }
        }

        func run() throws {
            let notebook = try global.notebook()
            let details = try notebook.show(try notebook.resolve(named.card))
            let report = Report(details)
            if global.json { return try Output.json(report) }
            let c = details.card
            let marks =
                (report.removed ? "  (removed)" : "") + (report.suspended ? "  (suspended)" : "")
                + (report.buried_until.map { "  (buried until \($0))" } ?? "")
            print("\(c.key)\(marks)  \(c.sourceFile):\(c.sourceLine)")
            if !c.tags.isEmpty { print("tags: \(c.tags.joined(separator: ", "))") }
            print("\nQ: \(c.front)\n\n\(c.back)\n")
            if let s = report.state {
                print(
                    "due \(s.due), interval \(s.interval)d, EF \(String(format: "%.2f", s.ef)), repetitions \(s.repetitions), lapses \(s.lapses)"
                )
            } else {
                print("new: not reviewed yet")
            }
            if !report.history.isEmpty {
                print(
                    "history: "
                        + report.history.map { "\($0.day) \($0.grade)\($0.kind == "drill" ? " (drill)" : "")" }.joined(
                            separator: ", "))
            }
            if !report.actions.isEmpty {
                print("actions: " + report.actions.map { "\($0.day) \($0.kind)" }.joined(separator: ", "))
            }
        }
    }
}
