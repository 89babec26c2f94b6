/// What an Anki package holds, as plain values: the rows of Anki's collection (schema 11, the
/// layout of `collection.anki2` / `collection.anki21`) that Recall reads or writes.
public struct AnkiCollection: Sendable, Equatable {
    /// Creation time of the collection (`col.crt`), seconds since the epoch. Review due dates are
    /// counted in days from this instant.
    public var creation: Int64
    public var decks: [AnkiDeck]
    public var noteTypes: [AnkiNoteType]
    public var notes: [AnkiNote]
    public var cards: [AnkiCard]
    public var reviews: [AnkiReview]
    /// Text kept under the key `recall` of the collection's configuration (`col.conf`). Anki
    /// ignores the key when it imports a package; Recall keeps what HTML cannot carry there.
    public var recallData: String?

    public init(
        creation: Int64, decks: [AnkiDeck] = [], noteTypes: [AnkiNoteType] = [], notes: [AnkiNote] = [],
        cards: [AnkiCard] = [], reviews: [AnkiReview] = [], recallData: String? = nil
    ) {
        self.creation = creation
        self.decks = decks
        self.noteTypes = noteTypes
        self.notes = notes
        self.cards = cards
        self.reviews = reviews
        self.recallData = recallData
    }
}

/// A deck; nested decks are named with `::` ("Languages::Japanese").
public struct AnkiDeck: Sendable, Equatable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// A note type ("model"): its fields, and the card templates that show them. Codable for the
/// files Recall keeps beside an imported deck (`anki-notes.json`): a kind is "std" or "cloze" and
/// a template's formats keep Anki's names, `qfmt` and `afmt`.
public struct AnkiNoteType: Sendable, Equatable, Codable {
    public enum Kind: Int, Sendable {
        case standard = 0
        case cloze = 1
    }

    /// One card template: the question and answer formats, `{{Field}}` placeholders and all.
    public struct Template: Sendable, Equatable, Codable {
        public var name: String
        public var question: String
        public var answer: String

        private enum CodingKeys: String, CodingKey {
            case name
            case question = "qfmt"
            case answer = "afmt"
        }

        public init(name: String, question: String, answer: String) {
            self.name = name
            self.question = question
            self.answer = answer
        }
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    public var fields: [String]
    public var templates: [Template]
    public var css: String

    public init(id: Int64, name: String, kind: Kind, fields: [String], templates: [Template], css: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.fields = fields
        self.templates = templates
        self.css = css
    }
}

/// A note: the fields' HTML, its tags, and the guid that identifies it across collections.
public struct AnkiNote: Sendable, Equatable {
    public var id: Int64
    public var guid: String
    public var noteTypeID: Int64
    /// Last modification, seconds since the epoch; Anki's importer updates a note it already has
    /// only when this is newer.
    public var modified: Int64
    public var tags: [String]
    public var fields: [String]

    public init(id: Int64, guid: String, noteTypeID: Int64, modified: Int64, tags: [String], fields: [String]) {
        self.id = id
        self.guid = guid
        self.noteTypeID = noteTypeID
        self.modified = modified
        self.tags = tags
        self.fields = fields
    }
}

/// A card: one template of a note, with its schedule in Anki's terms.
public struct AnkiCard: Sendable, Equatable {
    /// `cards.type`: what the card is.
    public enum CardType: Int, Sendable {
        case new = 0, learning = 1, review = 2, relearning = 3
    }

    public var id: Int64
    public var noteID: Int64
    /// The card's home deck: for a card Anki has moved into a filtered deck, the deck it came
    /// from (`cards.odid`), as filtered decks are read as searches, not decks (see `home`).
    public var deckID: Int64
    /// Which template (or, for cloze notes, which cloze number minus one) the card shows.
    public var ordinal: Int
    public var modified: Int64
    public var type: CardType
    /// `cards.queue`: 0 new, 1 learning, 2 review, 3 day learning, -1 suspended, -2/-3 buried.
    public var queue: Int
    /// New cards: position in the new queue. Review cards: days since `AnkiCollection.creation`.
    /// Learning cards: seconds since the epoch. Always the due of the card's home schedule.
    public var due: Int64
    /// Interval in days (review cards).
    public var interval: Int
    /// Ease in permille (2500 = 2.5); 0 for new cards.
    public var factor: Int
    public var repetitions: Int
    public var lapses: Int

    public init(
        id: Int64, noteID: Int64, deckID: Int64, ordinal: Int, modified: Int64, type: CardType, queue: Int,
        due: Int64, interval: Int, factor: Int, repetitions: Int, lapses: Int
    ) {
        self.id = id
        self.noteID = noteID
        self.deckID = deckID
        self.ordinal = ordinal
        self.modified = modified
        self.type = type
        self.queue = queue
        self.due = due
        self.interval = interval
        self.factor = factor
        self.repetitions = repetitions
        self.lapses = lapses
    }
}

extension AnkiCard {
    /// The deck and due of a card in its home deck, from a row of `cards`. A card in a filtered
    /// deck has `did` the filtered deck and `due` its place in that deck's queue; its home deck is
    /// `odid` and its home due `odue` (Anki leaves `odue` 0 when the move kept `due`).
    public static func home(deck: Int64, due: Int64, originalDeck: Int64, originalDue: Int64) -> (
        deck: Int64, due: Int64
    ) {
        guard originalDeck != 0 else { return (deck, due) }
        return (originalDeck, originalDue != 0 ? originalDue : due)
    }
}

/// One answer in the review log (`revlog`).
public struct AnkiReview: Sendable, Equatable {
    /// `revlog.type`: the state the card was answered in.
    public enum ReviewType: Int, Sendable {
        case learning = 0, review = 1, relearning = 2, filtered = 3, manual = 4, rescheduled = 5
    }

    /// When the answer was given, milliseconds since the epoch; unique in a collection.
    public var id: Int64
    public var cardID: Int64
    /// 1 Again, 2 Hard, 3 Good, 4 Easy (0 for manual rescheduling).
    public var ease: Int
    /// The interval after the answer: days when positive, seconds when negative (learning steps).
    public var interval: Int
    public var lastInterval: Int
    /// Ease in permille after the answer.
    public var factor: Int
    /// Time taken to answer, milliseconds.
    public var timeMs: Int
    public var type: ReviewType

    public init(
        id: Int64, cardID: Int64, ease: Int, interval: Int, lastInterval: Int, factor: Int, timeMs: Int,
        type: ReviewType
    ) {
        self.id = id
        self.cardID = cardID
        self.ease = ease
        self.interval = interval
        self.lastInterval = lastInterval
        self.factor = factor
        self.timeMs = timeMs
        self.type = type
    }
}
