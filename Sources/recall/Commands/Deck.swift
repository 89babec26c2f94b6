import ArgumentParser
import Notebook

extension Recall {
    struct Deck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deck", abstract: "Manage one deck (`recall decks` lists them all).",
            subcommands: [Remove.self])

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove",
                abstract: "Take a deck out of the notebook: its cards are marked removed, their history kept.",
                discussion: """
                    The deck's files are not deleted: importing them again (`recall import`) brings the \
                    cards back with their history. Delete or move the folder to be rid of the deck for \
                    good. A deck that came from a source is removed with `recall source remove`.
                    """)

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The deck's id, as `recall decks` shows it.")
            var deck: String

            struct Report: Encodable {
                var deck: String
                var removed: Int
                /// Where the deck's files are; they are left in place.
                var files: String
                var files_deleted = false
            }

            func run() throws {
                let removal = try global.notebook().removeDeck(deck)
                if global.json {
                    return try Output.json(Report(deck: removal.deck, removed: removal.removed, files: removal.root))
                }
                print("deck '\(removal.deck)' removed: \(removal.removed) card(s) marked removed, history kept")
                print(
                    "its files are still in \(removal.root); `recall import` of them brings the cards back with their history"
                )
            }
        }
    }
}
