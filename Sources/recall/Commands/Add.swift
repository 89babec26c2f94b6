import ArgumentParser
import Foundation
import Notebook

extension Recall {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "add", abstract: "Add a card to a deck's Markdown, with its id, and import it.",
            discussion: """
                The card is appended to --file (a Markdown file of the deck, relative to its folder; \
                created if missing), else to the deck's last file holding a card, else to cards.md in \
                the deck's folder. Without --question, $VISUAL or $EDITOR (else vi) opens a template: \
                a card left empty adds nothing (exit 0); text that is not exactly one card adds nothing \
                (exit 1) and is kept in its temporary file, named in the message. A deck that came \
                from a source may be added to: the next `recall sync` commits the card.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The deck's id (see `recall decks`).")
        var deck: String

        @Option(help: "The deck's Markdown file to append to, relative to the deck's folder.")
        var file: String?

        @Option(help: "The question (one line); without it, the card is written in your editor.")
        var question: String?

        @Option(help: "The answer (Markdown); needs --question.")
        var answer: String?

        @Option(name: .customLong("tag"), help: "A tag for the card (repeat for more).")
        var tags: [String] = []

        struct Report: Encodable {
            var added: Bool
            @NullWhenAbsent var card: String?
            @NullWhenAbsent var file: String?
            @NullWhenAbsent var line: Int?
            var errors: [Import.Report.Problem]
        }

        func validate() throws {
            switch (question, answer) {
            case (nil, .some):
                throw ValidationError("--answer needs --question (leave both out to write the card in your editor).")
            case (.some, nil):
                throw ValidationError("--question needs --answer (leave both out to write the card in your editor).")
            case (.some(let question), .some(let answer)):
                if question.contains(where: \.isNewline) { throw ValidationError("--question must be one line.") }
                if question.allSatisfy(\.isWhitespace) { throw ValidationError("--question is empty.") }
                if answer.allSatisfy(\.isWhitespace) { throw ValidationError("--answer is empty.") }
            case (nil, nil):
                break
            }
        }

        func run() throws {
            let input: CardInput =
                if let question, let answer {
                    .given(question: question, answer: answer, tags: tags)
                } else {
                    .editor(ExternalEditor(variables: ProcessInfo.processInfo.environment), tags: tags)
                }
            let addition = try global.notebook().addCard(to: deck, file: file, from: input)
            let errors = addition?.report.errors ?? []
            let report = Report(
                added: addition != nil, card: addition?.key.description, file: addition?.file, line: addition?.line,
                errors: errors.map { .init(file: $0.file, line: $0.line, message: $0.message) })
            if global.json {
                try Output.json(report)
            } else if let addition {
                print("Added \(addition.key) at \(addition.file):\(addition.line).")
                for error in errors { Output.error("\(error)") }
            } else {
                print("Nothing added: the card was left empty.")
            }
            if !errors.isEmpty {
                if !global.json { Output.error("The card was added; the deck has \(errors.count) problem(s) to fix.") }
                throw CommandFailure(status: 1)
            }
        }
    }
}
