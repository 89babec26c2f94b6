import DeckFormat
import RecallCore

/// Why `recall add` or `recall edit` changed nothing (or, for `notImported`, wrote the card but
/// could not import it).
public enum CardEditingError: UserFacingError, Equatable {
    case unknownDeck(String)
    case deckMissing(deck: String, root: String)
    case deckRenamed(deck: String, root: String, now: String)
    case singleFileDeck(deck: String, file: String)
    case badFile(path: String, reason: String)
    case problems([DeckIssue])
    case idTaken(id: String, deck: String, at: String)
    case wouldNotReadBack(file: String)
    case overLimit(file: String, what: String)
    case notImported(card: String, at: String, problems: [DeckIssue])
    case removedCard(String)
    case cardFileMissing(card: String, file: String)
    case editor(EditorError, consequence: String)
    case draftFile(path: String, reason: String)
    /// Any error (its description) after the learner wrote a draft, which is kept.
    case draftKept(String, path: String)

    public var description: String {
        switch self {
        case .unknownDeck(let deck):
            return "no deck '\(deck)'; `recall decks` lists them (import a new deck first with `recall import`)"
        case .deckMissing(let deck, let root):
            return "deck '\(deck)' was imported from \(root), which is gone; import the deck again"
        case .deckRenamed(let deck, let root, let now):
            return
                "\(root) now holds deck '\(now)', not '\(deck)' (its deck id changed); run `recall import \(root)` first"
        case .singleFileDeck(let deck, let file):
            return "deck '\(deck)' is the single file \(file); leave out --file"
        case .badFile(let path, let reason):
            return "--file \(path) \(reason); name a Markdown file of the deck, relative to its folder"
        case .problems(let issues):
            return "not added: " + issues.map(\.description).joined(separator: "; ")
        case .idTaken(let id, let deck, let at):
            return "the id '\(id)' is already used in deck '\(deck)' at \(at); choose another id or leave it out"
        case .wouldNotReadBack(let file):
            return
                "a card appended to \(file) would not be read as one (does the file end inside a ``` block or its front matter?); fix the file's end, or use --file"
        case .overLimit(let file, let what):
            return "\(file) would \(what); use --file to start another file"
        case .notImported(let card, let at, let problems):
            let why = problems.isEmpty ? "" : ": " + problems.map(\.description).joined(separator: "; ")
            return "\(card) was written at \(at) but could not be imported\(why)"
        case .removedCard(let card):
            return "\(card) is no longer in its deck (removed, history kept); nothing to edit"
        case .cardFileMissing(let card, let file):
            return "\(card)'s file \(file) is gone or not a regular file; import its deck again"
        case .editor(let error, let consequence):
            return "\(error); \(consequence)"
        case .draftFile(let path, let reason):
            return "cannot use the draft file \(path): \(reason); set TMPDIR to a writable folder"
        case .draftKept(let error, let path):
            return "\(error)\nWhat you wrote is kept in \(path)."
        }
    }
}
