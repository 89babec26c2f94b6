/// Why an Anki import left a note, a card or a revlog row out: each is counted in the report
/// under its reason (docs/ANKI.md).
public enum AnkiSkip: String, Sendable, CaseIterable {
    case emptyNote = "note_empty"
    case cardOfSkippedNote = "card_of_skipped_note"
    case cardNotMade = "card_not_made"
    case cardWithoutNote = "card_without_note"
    case reviewOfSkippedNote = "review_of_skipped_note"
    case reviewOfCardNotMade = "review_of_card_not_made"
    case reviewWithoutCard = "review_without_card"
    case reviewManual = "review_manual"
    case reviewUnknownButton = "review_unknown_button"

    /// What an Anki package holds that an import may skip.
    public enum Item: String, Sendable {
        case note, card, review
    }

    /// What is skipped: a note, a card or a revlog row.
    public var item: Item {
        switch self {
        case .emptyNote: .note
        case .cardOfSkippedNote, .cardNotMade, .cardWithoutNote: .card
        default: .review
        }
    }

    /// Why, for the report's text.
    public var reason: String {
        switch self {
        case .emptyNote: "its question or answer is empty"
        case .cardOfSkippedNote: "its note was skipped"
        case .cardNotMade:
            "a card of a template Recall makes no card of (one showing no field on a side, or one its note type lacks)"
        case .cardWithoutNote: "its note is not in the package"
        case .reviewOfSkippedNote: "its note was skipped"
        case .reviewOfCardNotMade: "of a side Recall does not make a card of"
        case .reviewWithoutCard: "its card is not in the package"
        case .reviewManual: "a rescheduling by hand, not an answer (the card's schedule is kept, see docs/ANKI.md)"
        case .reviewUnknownButton: "an answer button other than Again, Hard, Good or Easy"
        }
    }
}
