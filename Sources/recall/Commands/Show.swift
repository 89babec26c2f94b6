import ArgumentParser
import Foundation
import Notebook
import RecallCore

extension Recall {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a card, its schedule and its history.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card, as deck/id.")
        var card: String

        struct Report: Encodable {
            struct State: Encodable {
                var ef: Double
                var repetitions, interval, lapses: Int
                var due: String
            }
            struct Event: Encodable {
                var day, kind: String
                var grade: Int
            }
            var card, deck, kind, front, back: String
            var tags: [String]
            var file: String
            var line: Int
            var removed: Bool
            var state: State?
            var history: [Event]

            // `state` is always present in the document: null for a new card.
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(card, forKey: .card)
                try c.encode(deck, forKey: .deck)
                try c.encode(kind, forKey: .kind)
                try c.encode(front, forKey: .front)
                try c.encode(back, forKey: .back)
                try c.encode(tags, forKey: .tags)
                try c.encode(file, forKey: .file)
                try c.encode(line, forKey: .line)
                try c.encode(removed, forKey: .removed)
                try c.encode(state, forKey: .state)
                try c.encode(history, forKey: .history)
            }
            enum CodingKeys: String, CodingKey {
                case card, deck, kind, front, back, tags, file, line, removed, state, history
            }
        }

        func run() throws {
            guard let key = CardKey(card) else { throw NotebookError.badCardKey(card) }
            let details = try global.notebook().show(key)
            let c = details.card
            let report = Report(
                card: key.description, deck: key.deck, kind: c.kind.rawValue, front: c.front, back: c.back,
                tags: c.tags,
                file: c.sourceFile, line: c.sourceLine, removed: details.stored.removed,
                state: details.state.map {
                    .init(
                        ef: $0.ef, repetitions: $0.repetitions, interval: $0.interval, lapses: $0.lapses,
                        due: $0.due.iso)
                },
                history: details.history.map {
                    .init(day: $0.day.iso, kind: $0.kind.rawValue, grade: $0.grade.rawValue)
                })
            if global.json { return try Output.json(report) }
            print("\(key)\(report.removed ? "  (removed)" : "")  \(c.sourceFile):\(c.sourceLine)")
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
        }
    }
}
