import ArgumentParser
import Foundation
import Notebook
import TerminalUI

extension Recall {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "import", abstract: "Import Markdown decks (files or folders) or Anki packages (.apkg, .colpkg).",
            discussion: """
                Markdown decks: ids are written back into files that lack them. Anki packages: the notes \
                become Markdown decks under <home>/decks/, and the review log becomes review events; \
                importing the same package again changes nothing. See docs/ANKI.md.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Deck files or folders, or Anki packages.")
        var paths: [String]

        struct Report: Encodable {
            struct Problem: Encodable {
                var file: String
                var line: Int
                var message: String
            }
            var decks: [String]
            var added, updated, unchanged, removed, restored: Int
            var ids_written: Int
            var errors: [Problem]
            var packages: [Package]?
        }

        struct Package: Encodable {
            var file: String
            var decks: [String]
            var folders: [String]
            var notes, reviews_added, reviews_skipped, notes_skipped, matched_existing, media_files, media_imported: Int
            var refused_decks: [RefusedDeck]
            /// Every note, card and revlog row left out, by reason (AnkiSkip's codes).
            var skipped: [String: Int]
            var states_set: Int
        }

        struct RefusedDeck: Encodable {
            var deck: String
            var reason: String
        }

        static func describe(_ progress: ImportProgress) -> String {
            let read = "\(progress.files) file\(progress.files == 1 ? "" : "s"), \(progress.cards) cards"
            return progress.saving ? "Importing: saving \(progress.cards) cards…" : "Importing: reading decks, \(read)"
        }

        func run() throws {
            // On a terminal, a line on stderr while a long import runs; never in JSON or a pipe.
            let line = global.json ? nil : ProgressLine.onTerminal()
            var progress: (@Sendable (ImportProgress) -> Void)?
            if let line { progress = { @Sendable in line.update(Self.describe($0), now: $0.saving) } }
            let result: PathsImport
            do {
                defer { line?.finish() }
                result = try global.notebook().importPaths(paths.map { URL(fileURLWithPath: $0) }, progress: progress)
            }
            let packages = result.packages
            let c = result.counts
            let report = Report(
                decks: packages.flatMap(\.decks) + (result.decks?.decks ?? []), added: c.added, updated: c.updated,
                unchanged: c.unchanged, removed: c.removed, restored: c.restored,
                ids_written: result.decks?.idsWritten ?? 0,
                errors: (result.decks?.errors ?? []).map { .init(file: $0.file, line: $0.line, message: $0.message) },
                packages: packages.isEmpty
                    ? nil
                    : packages.map {
                        Package(
                            file: $0.path, decks: $0.decks, folders: $0.folders, notes: $0.notes,
                            reviews_added: $0.reviewsAdded, reviews_skipped: $0.reviewsSkipped,
                            notes_skipped: $0.notesSkipped, matched_existing: $0.matchedExisting,
                            media_files: $0.mediaFiles, media_imported: $0.mediaImported,
                            refused_decks: $0.refusedDecks.map { RefusedDeck(deck: $0.deck, reason: $0.reason) },
                            skipped: Dictionary(uniqueKeysWithValues: $0.skipped.map { ($0.key.rawValue, $0.value) }),
                            states_set: $0.statesSet)
                    })
            let ids = report.ids_written
            let errors = result.decks?.errors ?? []
            if global.json {
                try Output.json(report)
            } else {
                for package in packages {
                    var line =
                        "\(package.path): \(package.notes) notes into \(package.folders.joined(separator: ", ")), \(package.reviewsAdded) reviews added"
                    if package.matchedExisting > 0 {
                        line +=
                            "; \(package.matchedExisting) cards matched existing decks (reviews merged, text left to their files)"
                    }
                    print(line)
                    for skip in AnkiSkip.allCases {
                        guard let count = package.skipped[skip], count > 0 else { continue }
                        print("  \(count) \(skip.item.rawValue)\(count == 1 ? "" : "s") skipped: \(skip.reason)")
                    }
                    if package.statesSet > 0 {
                        print("  \(package.statesSet) schedules and states set as Anki had them")
                    }
                    if package.mediaImported > 0 || package.mediaFiles > 0 {
                        print(
                            "  \(package.mediaImported) media files the notes refer to written into the decks' media/ folders (of \(package.mediaFiles) in the package)"
                        )
                    }
                }
                print(
                    "\(c.added) added, \(c.updated) updated, \(c.removed) removed, \(c.restored) restored, \(c.unchanged) unchanged"
                        + (ids > 0 ? "; \(ids) ids written back" : ""))
                for error in errors { Output.error("\(error)") }
                for package in packages {
                    for refused in package.refusedDecks {
                        Output.error("\(package.path): deck '\(refused.deck)' not imported: \(refused.reason)")
                    }
                }
            }
            let refusedCount = packages.reduce(0) { $0 + $1.refusedDecks.count }
            if refusedCount > 0 && errors.isEmpty {
                if !global.json {
                    Output.error("\(refusedCount) deck(s) not imported; the package's other decks were imported.")
                }
                throw CommandFailure(status: 1)
            }
            if !errors.isEmpty {
                if !global.json {
                    Output.error(
                        "\(errors.count) problem(s); the valid cards were imported, none removed from the files with errors."
                    )
                }
                throw CommandFailure(status: 1)
            }
        }
    }
}
