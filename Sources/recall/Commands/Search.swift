import ArgumentParser
import Notebook
import TerminalUI

extension Recall {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "search", abstract: "Full-text search in questions, answers and tags (Chinese or English).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Words to find; every word must occur.")
        var query: [String]

        // `.unconditional`: `--limit -1` is a (bad) value for --limit, not an unknown option.
        @Option(parsing: .unconditional, help: "At most this many results.")
        var limit = 20

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        struct Report: Encodable {
            struct Hit: Encodable {
                var card, front: String
            }
            var cards: [Hit]
        }

        func run() throws {
            let hits = try global.notebook().search(query.joined(separator: " "), limit: max(limit, 1))
            if global.json {
                return try Output.json(Report(cards: hits.map { .init(card: $0.card.description, front: $0.front) }))
            }
            if hits.isEmpty { return print("No card matches.") }
            print(TableRenderer.columns(hits.map { [$0.card.description, Output.oneLine($0.front)] }))
        }
    }
}
