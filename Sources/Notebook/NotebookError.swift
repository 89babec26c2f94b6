import RecallCore

/// Errors of the notebook's use cases, worded for the person at the terminal.
public enum NotebookError: UserFacingError, Equatable {
    case badClock(String)
    case badSetting(name: String, value: String, expected: String)
    case badCardKey(String)
    case noNotebook(path: String)
    case cannotCreateHome(path: String, reason: String)
    case noSuchCard(String)
    case ambiguousCard(String, candidates: [String])
    case emptySelection(String)
    case noSuchDeck(String)
    case deckFromSource(deck: String, source: String)
    case noSuchPaths([String])

    public var description: String {
        switch self {
        case .badClock(let text):
            return "RECALL_NOW='\(text)' is not an ISO-8601 time; use e.g. 2026-11-23T09:30:00Z or 2026-11-23"
        case .badSetting(let name, let value, let expected):
            return "\(name)='\(value)' is not valid; expected \(expected)"
        case .badCardKey(let text):
            return "'\(text)' is not a card id; write it as deck/id, e.g. llm-interview/lora-principle"
        case .noNotebook(let path):
            return "no notebook at \(path); run `recall init` (or pass --home)"
        case .cannotCreateHome(let path, let reason):
            return "cannot create the notebook folder \(path): \(reason)"
        case .noSuchCard(let id):
            return "no live card has the id '\(id)'; see `recall search` or `recall decks`"
        case .ambiguousCard(let id, let candidates):
            return
                "'\(id)' names \(candidates.count) cards (\(candidates.joined(separator: ", "))); write it as deck/id"
        case .emptySelection(let why):
            return why
        case .noSuchDeck(let deck):
            return "no deck '\(deck)'; `recall decks` lists the decks there are"
        case .noSuchPaths(let paths):
            return paths.map { "\($0): no such file or folder" }.joined(separator: "\n")
                + "\nnothing was imported; check the path\(paths.count == 1 ? "" : "s") and import again"
        case .deckFromSource(let deck, let source):
            return
                "the deck '\(deck)' comes from the source '\(source)' and its sync would bring it back; use `recall source remove \(source)` instead (it removes every deck of that source)"
        }
    }
}
