import ArgumentParser
import Foundation
import Notebook
import TerminalUI

extension Recall {
    struct Source: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "source",
            abstract: "Subscribe to deck repositories (git): add, list, remove.",
            subcommands: [Add.self, List.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Clone a deck repository into the notebook and import its decks.")

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The repository: a path, file://, git://, ssh://, user@host:path, https:// or http://.")
            var url: String

            @Option(help: "The source's name (default: from the URL).")
            var name: String?

            @Option(help: "The folder inside the repository that holds the decks (e.g. Decks).")
            var path: String = ""

            @Option(help: "The branch to follow (default: the remote's default branch).")
            var branch: String?

            struct Report: Encodable {
                var source, url, path, branch, commit: String
                var added, updated, removed, restored, ids_written: Int
                var errors: [String]
            }

            func run() throws {
                let notebook = try global.notebook()
                let result = try notebook.addSource(
                    url: url, name: name, path: path, branch: branch, progress: TransferMeter.handler(json: global.json)
                )
                TransferMeter.finish()
                let c = result.imported.counts
                let report = Report(
                    source: result.source.name, url: result.source.displayURL, path: result.source.path,
                    branch: result.source.branch, commit: result.commit, added: c.added, updated: c.updated,
                    removed: c.removed, restored: c.restored, ids_written: result.imported.idsWritten,
                    errors: result.imported.errors.map(\.description))
                if global.json {
                    try Output.json(report)
                } else {
                    print(
                        "source '\(report.source)' at \(report.commit) (\(report.branch)): \(c.added) added, \(c.updated) updated, \(c.restored) restored"
                    )
                    for error in report.errors { Output.error(error) }
                }
                if !report.errors.isEmpty { throw CommandFailure(status: 1) }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List the subscribed deck sources.")

            @OptionGroup var global: GlobalOptions

            struct Entry: Encodable {
                var source, url, path, branch, folder: String
                var commit: String?
            }

            func run() throws {
                let entries = try global.notebook().sources().map {
                    Entry(
                        source: $0.source.name, url: $0.source.displayURL, path: $0.source.path,
                        branch: $0.source.branch, folder: $0.folder, commit: $0.head)
                }
                if global.json { return try Output.json(["sources": entries]) }
                if entries.isEmpty { return print("no sources; add one with `recall source add URL`") }
                print(
                    TableRenderer.columns(
                        [["SOURCE", "BRANCH", "COMMIT", "PATH", "URL"]]
                            + entries.map {
                                [$0.source, $0.branch, $0.commit ?? "-", $0.path.isEmpty ? "." : $0.path, $0.url]
                            }))
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove",
                abstract: "Unsubscribe: delete the clone; its cards are marked removed, their history kept.")

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The source's name.")
            var name: String

            func run() throws {
                let removed = try global.notebook().removeSource(name)
                if global.json { return try Output.json(["source": name, "removed": "\(removed)"]) }
                print("source '\(name)' removed; \(removed) card(s) marked removed (history kept)")
            }
        }
    }
}

/// Prints "receiving objects" progress on a terminal's stderr during clones and fetches.
enum TransferMeter {
    nonisolated(unsafe) static var shown = false

    static func handler(json: Bool) -> SyncProgressHandler? {
        guard !json, Terminal.isTerminal(STDERR_FILENO) else { return nil }
        return { what, progress in
            guard progress.totalObjects > 0 else { return }
            shown = true
            FileHandle.standardError.write(
                Data("\r\(what): receiving objects \(progress.receivedObjects)/\(progress.totalObjects)".utf8))
        }
    }

    static func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}
