import ArgumentParser
import DeckFormat
import Foundation
import Notebook
import RecallCore

extension Recall {
    struct Exercise: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "exercise", abstract: "Write an exercise's starter file (or your last attempt) to solve it in your editor.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var named: OneExercise

        @Option(help: "The language of the starter file.")
        var lang = Language.python

        @Option(help: "The folder to write it into.")
        var dir = "."

        func run() throws {
            let file = try global.notebook().writeStarter(
                named.exercise, language: lang, into: URL(fileURLWithPath: dir))
            if global.json { return try Output.json(["file": file.path]) }
            print("Wrote \(file.path). Check it with: recall check \(named.exercise) \(file.path)")
        }
    }
}
