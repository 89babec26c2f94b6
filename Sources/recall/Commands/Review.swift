import ArgumentParser
import Foundation
import Notebook
import ReviewUI
import TerminalUI

extension Recall {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "review", abstract: "Review today's queue: full screen in a terminal, plain lines through a pipe.",
            discussion:
                "With --json the session runs as usual (through a pipe its prompts go to stderr) and ends with one JSON summary on stdout."
        )

        @OptionGroup var global: GlobalOptions

        @OptionGroup var queue: QueueOptions

        /// The session's summary: what the closing lines say, as one document.
        struct Report: Encodable {
            var day: String
            /// The cards graded at least once, sorted.
            var cards: [String]
            var graded: Int
            /// How many times each grade was given, "0" to "5".
            var grades: [String: Int]
            var redrills: Int
            var seconds: Int
            var due_tomorrow: Int

            init(_ summary: ReviewSummary, day: String) {
                self.day = day
                cards = summary.cards.map(\.description).sorted()
                graded = summary.graded
                grades = Dictionary(
                    uniqueKeysWithValues: summary.grades.enumerated().map { (String($0.offset), $0.element) })
                redrills = summary.drills
                seconds = summary.seconds
                due_tomorrow = summary.dueTomorrow
            }
        }

        func run() throws {
            let notebook = try global.notebook()
            let session = try ReviewSession(notebook: notebook, options: queue.study)
            let summary: ReviewSummary
            if session.current == nil {
                if !global.json {
                    print("Nothing to review today (\(notebook.today.iso)). `recall decks` shows what you have.")
                    return
                }
                summary = try session.finish()
            } else if Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO) {
                let settings = ReviewSettings.live(variables: ProcessInfo.processInfo.environment)
                summary = try TerminalReview(session: session, settings: settings).run()
            } else if global.json {
                // stdout holds only the JSON document; the session's lines go to stderr.
                summary = try LineReview(session: session, write: Output.error).run()
            } else {
                summary = try LineReview(session: session).run()
            }
            if global.json { return try Output.json(Report(summary, day: notebook.today.iso)) }
            summary.lines.forEach { print($0) }
        }
    }
}
