import GRDB
import RecallCore
import Scheduler

extension NotebookStore {
    /// Runs `body` over the queue's candidate reads, all in one read transaction, so that a queue
    /// is built from one snapshot of the notebook. The policy itself is the caller's.
    public func readingQueueCandidates<T>(_ body: (any QueueCandidates) throws -> T) throws -> T {
        try read { db in try body(StoredQueueCandidates(db: db)) }
    }
}

/// The queue's candidates as index range scans over `card` and `review_event`.
struct StoredQueueCandidates: QueueCandidates {
    let db: Database

    /// `CardStatus.isStudiable` in SQL, for the study day bound as `?1`: not suspended, not buried.
    /// (The partial indexes still serve the scans; these are checks on the rows they give.)
    static func studiable(_ alias: String? = nil) -> String {
        let c = alias.map { "\($0)." } ?? ""
        return "\(c)suspended = 0 AND (\(c)buried_until IS NULL OR \(c)buried_until <= ?1)"
    }

    /// The scope as SQL over `card` (alias `c`), for the decks bound as `?2` (a JSON array, or
    /// NULL for every deck) and the tag as `?4` (NULL for any).
    static func inScope(_ alias: String? = nil) -> String {
        let c = alias.map { "\($0)." } ?? ""
        return """
            (?2 IS NULL OR \(c)deck IN (SELECT value FROM json_each(?2)))
                AND (?4 IS NULL OR \(NotebookStore.hasTag(4, alias: alias)))
            """
    }

    /// The scope's decks as the JSON array `inScope` reads.
    static func decks(_ scope: CardScope) -> String? { scope.decks.map(jsonArray) }

    func events(on day: StudyDay, scope: CardScope) throws -> [ReviewEvent] {
        try ReviewEventRecord.fetchAll(
            db,
            sql: """
                SELECT \(ReviewEventRecord.selection("e")) FROM review_event e JOIN card c ON c.key = e.card
                WHERE e.day = ?1 AND c.removed = 0 AND \(Self.inScope("c")) AND \(Self.studiable("c"))
                ORDER BY e.card, e.ts, e.device, e.seq
                """,
            arguments: [day.ordinal, Self.decks(scope), nil, scope.tag]  // ?3 unused here
        ).compactMap(\.event)
    }

    func dueCards(through day: StudyDay, scope: CardScope, limit: Int?) throws -> [(card: CardKey, due: StudyDay)] {
        // `due <= day` is `SM2.isDue` as a range of the `card_due` index (new cards are not in it).
        try Row.fetchAll(
            db,
            sql: """
                SELECT deck, id, due FROM card INDEXED BY card_due
                WHERE removed = 0 AND due IS NOT NULL AND due <= ?1 AND \(Self.inScope())
                    AND \(Self.studiable())
                ORDER BY due, deck, position LIMIT ?3
                """, arguments: [day.ordinal, Self.decks(scope), limit ?? -1, scope.tag]
        ).map { (CardKey(deck: $0[0], id: $0[1]), StudyDay(ordinal: $0[2])) }
    }

    func newCardDecks(scope: CardScope) throws -> [(deck: String, newPerDay: Int?)] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT id, new_per_day FROM deck WHERE (?1 IS NULL OR id IN (SELECT value FROM json_each(?1))) ORDER BY id",
            arguments: [Self.decks(scope)]
        ).map { ($0[0], $0[1]) }
    }

    func introducedCount(on day: StudyDay, deck: String?) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM card WHERE first_review = ? AND (? IS NULL OR deck = ?)",
            arguments: [day.ordinal, deck, deck]) ?? 0
    }

    func newCards(deck: String, tag: String?, limit: Int, on day: StudyDay) throws -> [CardKey] {
        try String.fetchAll(
            db,
            sql: """
                SELECT id FROM card INDEXED BY card_new WHERE deck = ?2 AND removed = 0 AND due IS NULL
                    AND (?4 IS NULL OR \(NotebookStore.hasTag(4))) AND \(Self.studiable())
                ORDER BY position LIMIT ?3
                """, arguments: [day.ordinal, deck, limit, tag]
        ).map { CardKey(deck: deck, id: $0) }
    }
}
