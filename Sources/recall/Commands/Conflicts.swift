import ArgumentParser
import Foundation
import Notebook
import RecallCore
import TerminalUI

extension Recall {
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "List cards changed differently on two sides of a sync; resolve them.",
            subcommands: [List.self, Resolve.self], defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List unresolved conflicts.")

            @OptionGroup var global: GlobalOptions

            struct Entry: Encodable {
                var card, copy, file: String
                var line: Int
                /// Which of the two holds this notebook's own version: "card" or "copy".
                var ours: String
            }

            func run() throws {
                let entries = try global.notebook().conflicts().map {
                    Entry(
                        card: $0.card.description, copy: $0.copy.description, file: $0.file, line: $0.line,
                        ours: $0.copyIsOurs ? "copy" : "card")
                }
                if global.json { return try Output.json(["conflicts": entries]) }
                if entries.isEmpty { return print("no conflicts") }
                print(
                    TableRenderer.columns(
                        [["CARD", "CONFLICT COPY", "YOUR VERSION", "WHERE"]]
                            + entries.map { [$0.card, $0.copy, $0.ours, "\($0.file):\($0.line)"] }))
                print(
                    "\nresolve with `recall conflicts resolve CARD --ours` (keep your version) or `--theirs` (keep the other one)"
                )
            }
        }

        struct Resolve: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "resolve",
                abstract: "Keep one version of a conflicting card; the next sync propagates the choice.")

            @OptionGroup var global: GlobalOptions

            @Argument(
                help: "The card (deck/id, or a bare id when only one deck has it), or one of its conflict copies.")
            var card: CardReference

            @Flag(help: "Keep this notebook's version (the card's, or the copy's when the merge was made elsewhere).")
            var ours = false

            @Flag(help: "Keep the other machine's version.")
            var theirs = false

            func validate() throws {
                guard ours != theirs else { throw ValidationError("pass exactly one of --ours or --theirs") }
            }

            func run() throws {
                let notebook = try global.notebook()
                let conflict = try notebook.resolveConflict(try notebook.resolve(card), keepTheirs: theirs)
                if global.json {
                    return try Output.json(["card": conflict.card.description, "kept": theirs ? "theirs" : "ours"])
                }
                print("\(conflict.card): kept \(theirs ? "theirs" : "ours"); `recall sync` shares the resolution")
            }
        }
    }
}
