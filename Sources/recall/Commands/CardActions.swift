import ArgumentParser
import Foundation
import Notebook
import RecallCore

/// Cards named on the command line: ids (deck/id, or a bare id when only one deck has it), a tag,
/// a deck.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "Cards, as deck/id or a bare id (when only one deck has it).")
    var cards: [CardReference] = []

    @Option(help: "Every live card with this tag.")
    var tag: String?

    @Option(help: "Every live card of this deck.")
    var deck: String?

    var selection: CardSelection { CardSelection(cards: cards, tag: tag, deck: deck) }

    func validate() throws {
        if cards.isEmpty && tag == nil && deck == nil {
            throw ValidationError("Name at least one card, --tag or --deck.")
        }
    }
}

/// What every study-action command prints: one line (or JSON object) per card.
struct ActionReport: Encodable {
    struct Entry: Encodable {
        var card, event: String
        var suspended: Bool
        var buriedUntil: String?
        /// Always in the document: null for a new card.
        @NullWhenAbsent var state: ScheduleReport?

        private enum CodingKeys: String, CodingKey {
            case card, event, suspended, state
            case buriedUntil = "buried_until"
        }
    }
    var action: String
    var cards: [Entry]

    /// Does `kind` to `keys` in `notebook` and reports it.
    init(_ kind: CardActionKind, on keys: [CardKey], in notebook: Notebook) throws {
        action = kind.rawValue
        cards = try notebook.act(kind, on: keys).map {
            Entry(
                card: $0.action.card.description, event: $0.action.id, suspended: $0.status.suspended,
                buriedUntil: $0.status.buriedUntil?.iso, state: $0.status.state.map(ScheduleReport.init))
        }
    }

    func print(json: Bool) throws {
        if json { return try Output.json(self) }
        for entry in cards {
            let status =
                switch action {
                case "bury": "buried until \(entry.buriedUntil ?? "?")"
                case "forget": "new again (history kept)"
                default: entry.suspended ? "suspended" : "not suspended"
                }
            Swift.print("\(entry.card): \(status)")
        }
    }
}

/// Runs one study action on the selection and prints the report.
private func runAction(_ kind: CardActionKind, _ global: GlobalOptions, _ selection: CardSelection) throws {
    let notebook = try global.notebook()
    let keys = try notebook.cards(in: selection)
    try ActionReport(kind, on: keys, in: notebook).print(json: global.json)
}

/// What `suspend` and `unsuspend` take: the options of every command and the cards to act on.
struct SelectionActionOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectionOptions

    func run(_ kind: CardActionKind) throws { try runAction(kind, global, select.selection) }
}

/// What `bury` and `forget` take: the options of every command and the cards, named one by one
/// (no --tag or --deck).
struct NamedCards: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Cards, as deck/id or a bare id (when only one deck has it).")
    var cards: [CardReference]

    var selection: CardSelection { CardSelection(cards: cards) }
}

extension Recall {
    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "suspend",
            abstract: "Leave cards out of every queue until they are unsuspended (history and schedule kept).")
        @OptionGroup var options: SelectionActionOptions
        func run() throws { try options.run(.suspend) }
    }

    struct Unsuspend: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "unsuspend", abstract: "Bring suspended cards back into the queue.")
        @OptionGroup var options: SelectionActionOptions
        func run() throws { try options.run(.unsuspend) }
    }

    struct Bury: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "bury", abstract: "Leave cards out of today's queue; they are back the next study day.")
        @OptionGroup var named: NamedCards
        func run() throws { try runAction(.bury, named.global, named.selection) }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "forget",
            abstract: "Make cards new again: their schedule restarts with the next grade; their history is kept.",
            discussion: """
                Asks for confirmation on a terminal. Without a terminal it needs --yes, and refuses \
                otherwise (exit 2). `recall undo` takes a forget back.
                """)
        @OptionGroup var named: NamedCards
        @Flag(help: "Do not ask for confirmation.")
        var yes = false

        func run() throws {
            let notebook = try named.global.notebook()
            let keys = try notebook.cards(in: named.selection)
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    Output.error(
                        "recall: forget restarts the schedule of \(keys.count) card(s) and asks first; without a terminal, pass --yes"
                    )
                    throw CommandFailure(status: 2)
                }
                FileHandle.standardError.write(
                    Data(
                        "Forget \(keys.map(\.description).joined(separator: ", "))? Their schedule restarts. [y/N] "
                            .utf8))
                guard let reply = readLine(),
                    ["y", "yes"].contains(reply.lowercased().trimmingCharacters(in: .whitespaces))
                else {
                    Output.error("Nothing forgotten.")
                    throw CommandFailure(status: 1)
                }
            }
            try ActionReport(.forget, on: keys, in: notebook).print(json: named.global.json)
        }
    }
}
