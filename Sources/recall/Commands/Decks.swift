import ArgumentParser
import Notebook
import TerminalUI

extension Recall {
    struct Decks: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "decks", abstract: "List decks with their card counts.")

        @OptionGroup var global: GlobalOptions

        struct Report: Encodable {
            struct Deck: Encodable {
                var deck, title: String
                var total, new, due: Int
            }
            var decks: [Deck]
        }

        func run() throws {
            let decks = try global.notebook().decks()
            if global.json {
                return try Output.json(
                    Report(
                        decks: decks.map {
                            .init(deck: $0.deck, title: $0.title, total: $0.total, new: $0.new, due: $0.due)
                        }))
            }
            if decks.isEmpty { return print("No decks yet: `recall import PATH` adds some.") }
            var rows = [["DECK", "TITLE", "CARDS", "NEW", "DUE"]]
            rows += decks.map { [$0.deck, $0.title, "\($0.total)", "\($0.new)", "\($0.due)"] }
            print(TableRenderer.columns(rows, rightAligned: [2, 3, 4]))
        }
    }
}
