import RecallCore

/// What the queue policy reads, as plain questions about the notebook's live cards: not removed,
/// and studiable on the day asked about (`CardStatus.isStudiable`: not suspended, not buried).
/// Candidates come in the notebook's index order, so that a limit can be pushed down into the read;
/// which candidates make the queue, in what order and how many, is `QueuePolicy`'s to decide.
public protocol QueueCandidates {
    /// Events logged on `day` for live cards in `scope`, grouped by card in card-key order, each
    /// card's in fold order.
    func events(on day: StudyDay, scope: CardScope) throws -> [ReviewEvent]
    /// Live cards in `scope` with a state due on or before `day`: oldest due first, then deck,
    /// then deck position; at most `limit` (all when nil).
    func dueCards(through day: StudyDay, scope: CardScope, limit: Int?) throws -> [(card: CardKey, due: StudyDay)]
    /// The decks of `scope` in id order, with their own daily new-card limit if any.
    func newCardDecks(scope: CardScope) throws -> [(deck: String, newPerDay: Int?)]
    /// How many cards (of `deck`, or of the whole notebook) had their first review on `day`.
    func introducedCount(on day: StudyDay, deck: String?) throws -> Int
    /// A deck's live new cards (with `tag` when given) studiable on `day`, in deck order, at most
    /// `limit`.
    func newCards(deck: String, tag: String?, limit: Int, on day: StudyDay) throws -> [CardKey]
}

/// Today's queue (SM2.md): suspended and buried cards left out (by the candidates), pending
/// re-drills, then due reviews (oldest due first, then deck order), then new cards interleaved
/// across decks within the daily new-card limit (`newPerDay` across the notebook, lowered per deck
/// by a deck's own `new_per_day`); at most `limit` entries in all.
/// Each section is a named step; `queue` joins them in order, so another arrangement of the same
/// sections (interleaving, say) changes only the joining.
public struct QueuePolicy: Sendable, Equatable {
    public var newPerDay: Int
    /// Only these cards; the notebook-wide new-card limit still counts every deck.
    public var scope: CardScope
    public var limit: Int?

    public init(newPerDay: Int, scope: CardScope = .all, limit: Int? = nil) {
        self.newPerDay = newPerDay
        self.scope = scope
        self.limit = limit
    }

    public init(newPerDay: Int, deck: String?, limit: Int? = nil) {
        self.init(newPerDay: newPerDay, scope: CardScope(deck: deck), limit: limit)
    }

    public func queue(day: StudyDay, from candidates: some QueueCandidates) throws -> [QueueEntry] {
        let limit = limit ?? Int.max
        let today = try candidates.events(on: day, scope: scope)
        var entries = Self.redrills(today, day: day)
        if entries.count >= limit { return Array(entries.prefix(limit)) }

        // The limit counts the cards graded today that `reviews` then skips, as it always has.
        let room = limit == Int.max ? nil : limit - entries.count
        let due = try candidates.dueCards(through: day, scope: scope, limit: room)
        entries += Self.reviews(due, gradedToday: Set(today.map(\.card)))
        if entries.count >= limit { return Array(entries.prefix(limit)) }

        entries += try newCards(day: day, room: limit - entries.count, from: candidates)
        return entries
    }

    /// Cards whose last grade today needs a re-drill, in the order the events come.
    public static func redrills(_ eventsToday: [ReviewEvent], day: StudyDay) -> [QueueEntry] {
        var order: [CardKey] = []
        var byCard: [CardKey: [ReviewEvent]] = [:]
        for event in eventsToday {
            if byCard[event.card] == nil { order.append(event.card) }
            byCard[event.card, default: []].append(event)
        }
        return order.filter { SM2.needsDrill(byCard[$0] ?? []) }.map {
            QueueEntry(card: $0, queue: .drill, due: day)
        }
    }

    /// Due cards as review entries, leaving out those graded today (their re-drill, if any, is
    /// already queued).
    public static func reviews(_ due: [(card: CardKey, due: StudyDay)], gradedToday: Set<CardKey>) -> [QueueEntry] {
        due.filter { !gradedToday.contains($0.card) }.map { QueueEntry(card: $0.card, queue: .review, due: $0.due) }
    }

    /// How many new cards a deck may still introduce today: what is left of the notebook's
    /// allowance, of the queue's room, and of the deck's own limit.
    public static func newAllowance(notebookLeft: Int, room: Int, deckLimit: Int?, deckIntroduced: Int) -> Int {
        let allowance = min(notebookLeft, room)
        guard let deckLimit else { return allowance }
        return min(allowance, deckLimit - deckIntroduced)
    }

    /// New cards within today's allowances and `room` queue places, interleaved across decks:
    /// one from each deck in turn (decks in id order), each deck's in the author's order. Deck by
    /// deck, a first day of the bundled decks was nineteen coding exercises before any question.
    func newCards(day: StudyDay, room: Int, from candidates: some QueueCandidates) throws -> [QueueEntry] {
        let notebookLeft = min(newPerDay - (try candidates.introducedCount(on: day, deck: nil)), room)
        if notebookLeft <= 0 { return [] }
        var perDeck: [[CardKey]] = []
        for (deck, deckLimit) in try candidates.newCardDecks(scope: scope) {
            let introduced = try deckLimit == nil ? 0 : candidates.introducedCount(on: day, deck: deck)
            let allowance = Self.newAllowance(
                notebookLeft: notebookLeft, room: room, deckLimit: deckLimit, deckIntroduced: introduced)
            guard allowance > 0 else { continue }
            perDeck.append(try candidates.newCards(deck: deck, tag: scope.tag, limit: allowance, on: day))
        }
        return Self.interleave(perDeck, limit: notebookLeft).map { QueueEntry(card: $0, queue: .new, due: day) }
    }

    /// Round robin over `lists`: the first of each in turn, then the second of each, …; at most
    /// `limit` in all.
    public static func interleave<T>(_ lists: [[T]], limit: Int) -> [T] {
        var result: [T] = []
        var index = 0
        while result.count < limit {
            let round = lists.compactMap { index < $0.count ? $0[index] : nil }
            if round.isEmpty { break }
            result += round.prefix(limit - result.count)
            index += 1
        }
        return result
    }
}
