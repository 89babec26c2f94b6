import ArgumentParser
import Foundation
import Notebook
import ReviewUI
import TerminalUI

extension Recall {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review today's queue: full screen in a terminal, plain lines through a pipe.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var queue: QueueOptions

        func run() throws {
            let notebook = try global.notebook()
            let session = try ReviewSession(notebook: notebook, options: queue.study)
            guard session.current != nil else {
                print("Nothing to review today (\(notebook.today.iso)). `recall decks` shows what you have.")
                return
            }
            let summary: ReviewSummary
            if Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO) {
                let settings = ReviewSettings.live(variables: ProcessInfo.processInfo.environment)
                summary = try TerminalReview(session: session, settings: settings).run()
            } else {
                summary = try LineReview(session: session).run()
            }
            summary.lines.forEach { print($0) }
        }
    }
}
