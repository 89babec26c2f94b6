import ArgumentParser
import Foundation
import Notebook

extension Recall {
    struct ProgressCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress", abstract: "Carry review history between devices through a private git remote.",
            subcommands: [Remote.self])

        struct Remote: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remote",
                abstract: "Set the remote that `recall sync` exchanges review events with (clones it into the home).")

            @OptionGroup var global: GlobalOptions

            @Argument(help: "A private repository (may be empty): path, file://, git://, ssh://, https://.")
            var url: String

            func run() throws {
                let remote = try global.notebook().setProgressRemote(
                    url, progress: TransferMeter.handler(json: global.json))
                TransferMeter.finish()
                let shown = remote.displayURL
                if global.json { return try Output.json(["url": shown, "branch": remote.branch]) }
                print("progress remote: \(shown) (\(remote.branch)); `recall sync` now exchanges review events")
            }
        }
    }
}
