import ArgumentParser
import Notebook
import TerminalUI

extension Recall {
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "due", abstract: "Today's queue: re-drills, due reviews, then new cards up to the daily limit.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var queue: QueueOptions

        struct Report: Encodable {
            struct Entry: Encodable {
                var card, queue, due: String
            }
            var day: String
            var cards: [Entry]
        }

        func run() throws {
            let notebook = try global.notebook()
            let queue = try notebook.studyQueue(queue.study)
            let day = notebook.today.iso
            if global.json {
                return try Output.json(
                    Report(
                        day: day,
                        cards: queue.map { .init(card: $0.card.description, queue: $0.queue.rawValue, due: $0.due.iso) }
                    ))
            }
            let kinds = queue.map(\.queue)
            let (drills, reviews, new) = (
                kinds.count { $0 == .drill }, kinds.count { $0 == .review }, kinds.count { $0 == .new }
            )
            var text = "\(day): \(drills) re-drill, \(reviews) review, \(new) new\n"
            if !queue.isEmpty {
                text +=
                    TableRenderer.columns(queue.map { [$0.queue.rawValue, $0.card.description, $0.due.iso] }) + "\n"
            }
            Output.write(text)
        }
    }
}
