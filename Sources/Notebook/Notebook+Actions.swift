import RecallCore
import Scheduler
import Storage

/// Which cards a study action applies to: named cards, every card with a tag, or a whole deck.
public struct CardSelection: Sendable, Equatable {
    public var cards: [CardReference]
    public var tag: String?
    public var deck: String?

    public init(cards: [CardReference] = [], tag: String? = nil, deck: String? = nil) {
        self.cards = cards
        self.tag = tag
        self.deck = deck
    }
}

extension Notebook {
    /// The live card a reference names: `deck/id` as is, a bare id when exactly one live card has
    /// it. With `kind`, a bare id names the one card of that kind with it when there is any (an
    /// exercise command looks among exercises, so a question card sharing the id is no rival).
    public func resolve(_ reference: CardReference, kind: CardKind? = nil) throws -> CardKey {
        switch reference {
        case .key(let key): return key
        case .bare(let id):
            var matches = kind == nil ? [] : try store.cards(withID: id, kind: kind)
            if matches.isEmpty { matches = try store.cards(withID: id) }
            guard let first = matches.first else { throw NotebookError.noSuchCard(id) }
            guard matches.count == 1 else {
                throw NotebookError.ambiguousCard(id, candidates: matches.map(\.description))
            }
            return first
        }
    }

    /// The cards a selection names, each once, in the order given (named cards, then the tag's,
    /// then the deck's). A tag or deck that selects nothing is an error: a typo must not pass silently.
    public func cards(in selection: CardSelection) throws -> [CardKey] {
        var keys = try selection.cards.map { try resolve($0) }
        if let tag = selection.tag {
            let tagged = try store.cards(tagged: tag)
            if tagged.isEmpty { throw NotebookError.emptySelection("no live card has the tag '\(tag)'") }
            keys += tagged
        }
        if let deck = selection.deck {
            let cards = try store.cards(deck: deck)
            if cards.isEmpty {
                throw NotebookError.emptySelection("no deck '\(deck)' with live cards; see `recall decks`")
            }
            keys += cards
        }
        var seen = Set<CardKey>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// Logs `kind` (suspend, unsuspend, bury, forget) for each card now, all in one transaction.
    public func act(_ kind: CardActionKind, on keys: [CardKey]) throws -> [ActionOutcome] {
        try store.act(kind, on: keys, day: today, timestamp: environment.nowMillis)
    }

    /// A card's study actions in fold order (for `show`).
    public func actions(of key: CardKey) throws -> [CardAction] { try store.actions(of: key) }
}
