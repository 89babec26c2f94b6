import ArgumentParser
import Foundation
import Notebook

extension Recall {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import Markdown decks (files or folders); ids are written back into files that lack them.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Deck files or folders.")
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
        }

        func run() throws {
            let notebook = try global.notebook()
            let result = try notebook.importDecks(paths.map { URL(fileURLWithPath: $0) })
            let c = result.counts
            let report = Report(
                decks: result.decks, added: c.added, updated: c.updated, unchanged: c.unchanged, removed: c.removed,
                restored: c.restored, ids_written: result.idsWritten,
                errors: result.errors.map { .init(file: $0.file, line: $0.line, message: $0.message) })
            if global.json {
                try Output.json(report)
            } else {
                print(
                    "\(c.added) added, \(c.updated) updated, \(c.removed) removed, \(c.restored) restored, \(c.unchanged) unchanged"
                        + (result.idsWritten > 0 ? "; \(result.idsWritten) ids written back" : ""))
                for error in result.errors { Output.error("\(error)") }
            }
            if !result.errors.isEmpty {
                if !global.json {
                    Output.error(
                        "\(result.errors.count) problem(s); the valid cards were imported, none removed from the files with errors."
                    )
                }
                throw CommandFailure(status: 1)
            }
        }
    }
}
