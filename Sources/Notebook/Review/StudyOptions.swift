import RecallCore
import Scheduler
import Storage

/// What a review session, or `recall due`, goes through: today's queue narrowed to a deck (with
/// its sub-decks) or a tag; or exactly the cards named; and, with `cram`, the chosen cards whatever
/// their due date, graded as drills that change no schedule.
public struct StudyOptions: Sendable, Equatable {
    public var deck: String?
    public var tag: String?
    /// Study exactly these cards, in this order (due or not: their grades are early reviews).
    public var cards: [CardReference]
    public var cram: Bool
    public var limit: Int?

    public init(
        deck: String? = nil, tag: String? = nil, cards: [CardReference] = [], cram: Bool = false, limit: Int? = nil
    ) {
        self.deck = deck
        self.tag = tag
        self.cards = cards
        self.cram = cram
        self.limit = limit
    }

    /// Named cards are studied whether due or not, so their grades lift the due check.
    var early: Bool { !cards.isEmpty }
}

extension Notebook {
    /// The cards `options` choose, in the order a session shows them.
    public func studyQueue(_ options: StudyOptions) throws -> [QueueEntry] {
        try studyQueue(options, scope: options.cards.isEmpty ? scope(deck: options.deck, tag: options.tag) : .all)
    }

    /// The same, for a caller that has already resolved the options' scope (a review session keeps it).
    func studyQueue(_ options: StudyOptions, scope: CardScope) throws -> [QueueEntry] {
        let limit = options.limit ?? Int.max
        if !options.cards.isEmpty {
            return try Array(options.cards.map { try entry(for: live(resolve($0))) }.prefix(limit))
        }
        if options.cram {
            return try Array(cramCards(in: scope).prefix(limit).map(entry(for:)))
        }
        let policy = QueuePolicy(newPerDay: environment.newPerDay, scope: scope, limit: options.limit)
        return try store.readingQueueCandidates { try policy.queue(day: today, from: $0) }
    }

    /// `deck` with its sub-decks (decks whose title goes on below its title: `LLM/Basics` is under
    /// `LLM`, as Anki's `LLM::Basics` is imported), and `tag`. An unknown deck is an error.
    func scope(deck: String?, tag: String?) throws -> CardScope {
        if let tag, try store.cards(tagged: tag).isEmpty {
            throw NotebookError.emptySelection("no live card has the tag '\(tag)'")
        }
        guard let deck else { return CardScope(tag: tag) }
        let decks = try decks()
        guard let chosen = decks.first(where: { $0.deck == deck }) else {
            throw NotebookError.noSuchDeck(deck)
        }
        let title = chosen.title.isEmpty ? chosen.deck : chosen.title
        let below = decks.filter { $0.deck != deck && $0.title.hasPrefix(title + "/") }.map(\.deck)
        return CardScope(decks: [deck] + below, tag: tag)
    }

    /// Every live card of the scope studiable today (not suspended or buried), in deck order.
    private func cramCards(in scope: CardScope) throws -> [StoredCard] {
        var keys: [CardKey] = []
        if let decks = scope.decks {
            for deck in decks { keys += try store.cards(deck: deck) }
        } else {
            keys = try store.cards()
        }
        if let tag = scope.tag {
            let tagged = Set(try store.cards(tagged: tag))
            keys = keys.filter(tagged.contains)
        }
        return try keys.compactMap { try store.card($0) }.filter {
            CardStatus(suspended: $0.suspended, buriedUntil: $0.buriedUntil).isStudiable(on: today)
        }
    }

    private func live(_ key: CardKey) throws -> StoredCard {
        guard let stored = try store.card(key), !stored.removed else { throw NotebookError.noSuchCard(key.description) }
        return stored
    }

    private func entry(for stored: StoredCard) -> QueueEntry {
        .chosen(stored.card.key, state: stored.state, today: today)
    }
}
