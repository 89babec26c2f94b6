import RecallCore

/// Errors of Anki export and import that are about the notebook rather than the package file.
public enum AnkiTransferError: UserFacingError, Equatable {
    case unknownDeck(String)
    case nothingToExport(deck: String?)
    case unmappableNoteTypes(path: String, types: [String])
    case missingNoteType(path: String, noteTypeID: Int64, notes: Int)
    case cannotWriteDeck(path: String, reason: String)
    /// A deck's `anki-notes.json` (the Anki notes it was imported from) that cannot be used.
    case badNoteOrigins(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownDeck(let deck):
            return "unknown deck '\(deck)'; `recall decks` lists them"
        case .nothingToExport(let deck):
            return deck.map { "deck '\($0)' has no cards to export" }
                ?? "the notebook has no cards to export; `recall import DECK` first"
        case .unmappableNoteTypes(let path, let types):
            return
                "\(path): Recall cannot map these note types to question and answer: \(types.joined(separator: "; ")). Nothing was imported; in Anki, change those notes to Basic or Cloze (Browse > Notes > Change Note Type) and export again"
        case .missingNoteType(let path, let id, let notes):
            return
                "\(path): \(notes) note(s) use note type \(id), which the package does not define; export it again from Anki"
        case .cannotWriteDeck(let path, let reason):
            return "cannot write the imported deck to \(path): \(reason); nothing was imported"
        case .badNoteOrigins(let path, let reason):
            return
                "\(path): \(reason). It keeps the Anki notes the deck was imported from; import the Anki package again to write it anew, or remove it to export the deck's cards as Recall notes"
        }
    }
}
