import ArgumentParser
import Foundation
import Notebook

extension Recall {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "export", abstract: "Export cards and their review history as an Anki package (.apkg).",
            discussion: """
                Each deck becomes an Anki deck and each card a note whose guid is the card's id, so \
                importing a newer export into Anki updates the notes instead of duplicating them. \
                See docs/ANKI.md for what carries over.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "The package to write (replaced atomically if it exists).")
        var apkg: String

        @Option(name: .long, help: "Export only this deck.")
        var deck: String?

        struct Report: Encodable {
            var file: String
            var decks: [String]
            var notes, reviews, media: Int
        }

        func validate() throws {
            if apkg.isEmpty { throw ValidationError("--apkg needs a file name, e.g. --apkg cards.apkg") }
        }

        func run() throws {
            let notebook = try global.notebook()
            let result = try notebook.exportAnki(to: URL(fileURLWithPath: apkg), deck: deck)
            if global.json {
                try Output.json(
                    Report(
                        file: result.path, decks: result.decks, notes: result.notes, reviews: result.reviews,
                        media: result.media))
            } else {
                print(
                    "wrote \(result.path): \(result.notes) notes from \(result.decks.count) deck(s), \(result.reviews) reviews, \(result.media) media files"
                )
            }
        }
    }
}
