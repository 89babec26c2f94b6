import ArgumentParser
import Foundation
import Notebook
import RecallCore

extension Recall {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "edit", abstract: "Open a card's file at its line in your editor, then import its deck (history kept).",
            discussion: """
                The editor is $VISUAL, else $EDITOR, else vi, given +LINE and the file. If it exits \
                with an error (or cannot be found), nothing is read again and the notebook is \
                unchanged. Problems in the edited file are reported as file:line (exit 1); the \
                deck's other cards are imported, and no card of a file with errors is removed.
                """)

        @OptionGroup var global: GlobalOptions

        @OptionGroup var named: OneCard

        struct Report: Encodable {
            var card, file: String
            var line: Int
            var changed, removed: Bool
            var added, updated, unchanged, restored: Int
            var errors: [Import.Report.Problem]
        }

        func run() throws {
            let editor = ExternalEditor(variables: ProcessInfo.processInfo.environment)
            let edit = try global.notebook().editCard(named.card, editor: editor)
            let counts = edit.report.counts
            let errors = edit.report.errors
            let report = Report(
                card: edit.key.description, file: edit.file, line: edit.line, changed: edit.changed,
                removed: edit.removed, added: counts.added, updated: counts.updated, unchanged: counts.unchanged,
                restored: counts.restored,
                errors: errors.map { .init(file: $0.file, line: $0.line, message: $0.message) })
            if global.json {
                try Output.json(report)
            } else {
                let status =
                    edit.removed
                    ? "no longer in its file: marked removed (history kept)"
                    : edit.changed ? "updated" : "no change"
                print("\(edit.key): \(status)")
                let others = counts.added + counts.updated - (edit.changed ? 1 : 0) + counts.restored
                if others > 0 {
                    print(
                        "deck \(edit.key.deck): \(counts.added) added, \(counts.updated) updated, \(counts.restored) restored"
                    )
                }
                for error in errors { Output.error("\(error)") }
            }
            if !errors.isEmpty {
                if !global.json {
                    Output.error(
                        "\(errors.count) problem(s); fix them with `recall edit \(named.card)` and the deck is read again."
                    )
                }
                throw CommandFailure(status: 1)
            }
        }
    }
}
