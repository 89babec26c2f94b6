import ArgumentParser
import Foundation
import Notebook
import RecallCore
import TerminalUI

extension Recall {
    struct Cards: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "cards", abstract: "List live cards: id, state, due day, interval, ease, lapses and question.",
            discussion: """
                States: new (never graded, or forgotten), learning (graded, fewer than 2 successful \
                reviews in a row), young (interval under 21 days), mature (21 days or more), suspended, \
                buried (today); --state leech selects the cards tagged leech. On a terminal the question \
                is cut to its width ($COLUMNS when set); through a pipe its first line is printed whole.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this deck and its sub-decks.")
        var deck: String?

        @Option(help: "Only cards with this tag.")
        var tag: String?

        @Option(help: "Only cards in this state.")
        var state: CardStageFilter?

        @Option(help: "The order: due (soonest first), ease (lowest first), lapses (most first), added (oldest first).")
        var sort: CardListOrder = .due

        struct Report: Encodable {
            struct Entry: Encodable {
                var card, state, question: String
                // Null for a new card: it has no schedule yet.
                @NullWhenAbsent var due: String?
                @NullWhenAbsent var interval: Int?
                @NullWhenAbsent var ease: Double?
                var lapses: Int
            }
            var cards: [Entry]
        }

        func run() throws {
            let entries = try global.notebook().listCards(deck: deck, tag: tag, stage: state, order: sort)
            let report = Report(
                cards: entries.map { entry in
                    let schedule = entry.card.state
                    return .init(
                        card: entry.card.key.description, state: entry.stage.rawValue, question: entry.card.question,
                        due: schedule?.due.iso, interval: schedule?.interval, ease: schedule?.ef,
                        lapses: schedule?.lapses ?? 0)
                })
            if global.json { return try Output.json(report) }
            if report.cards.isEmpty {
                return print(deck == nil && tag == nil && state == nil ? "No cards yet." : "No card matches.")
            }
            print(Self.render(report, width: Self.questionWidth()))
        }

        /// The columns to cut lines to: the terminal's (or `COLUMNS`); nil through a pipe, where a
        /// reader (grep, a script) is better served by the whole first line of the question.
        static func questionWidth() -> Int? {
            let environment = ProcessInfo.processInfo.environment
            let columnsSet = environment["COLUMNS"].flatMap { Int($0) }.map { $0 > 0 } ?? false
            guard columnsSet || Terminal.isTerminal(STDOUT_FILENO) else { return nil }
            return Terminal.width(of: STDOUT_FILENO, environment: environment)
        }

        /// Aligned columns, the question last, each line at most `width` columns when given.
        static func render(_ report: Report, width: Int?) -> String {
            let header = ["CARD", "STATE", "DUE", "IVL", "EASE", "LAPSES"]
            let fixed = report.cards.map { entry in
                [
                    entry.card, entry.state, entry.due ?? "-", entry.interval.map { "\($0)d" } ?? "-",
                    entry.ease.map { String(format: "%.2f", $0) } ?? "-", "\(entry.lapses)",
                ]
            }
            // Laying out the other columns with an empty last one gives each line's prefix, padded.
            let prefixes = TableRenderer.columns([header + [""]] + fixed.map { $0 + [""] }, rightAligned: [3, 4, 5])
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let room = width.map { max($0 - DisplayWidth.of(prefixes[0]), 8) } ?? .max
            let questions = ["QUESTION"] + report.cards.map { Output.oneLine($0.question, width: room) }
            return zip(prefixes, questions).map { $0 + $1 }.joined(separator: "\n")
        }
    }
}
