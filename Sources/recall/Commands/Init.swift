import ArgumentParser
import Notebook

extension Recall {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "init", abstract: "Create the notebook (safe to run again).")

        @OptionGroup var global: GlobalOptions

        struct Report: Encodable {
            var home: String
            var database: String
            var device: String
        }

        func run() throws {
            let notebook = try global.notebook()
            let report = Report(
                home: notebook.environment.home.path, database: notebook.databasePath, device: try notebook.deviceID())
            if global.json { return try Output.json(report) }
            print("Notebook ready at \(report.database) (device \(report.device)).")
        }
    }
}
