import GRDB
import RecallCore
import Scheduler

/// Which part of today's queue a card is in (SM2.md order: drill, review, new).
public enum QueueKind: String, Sendable, Codable {
    case drill
    case review
    case new
}

/// One card of today's queue.
public struct QueueEntry: Sendable, Equatable {
    public var card: CardKey
    public var queue: QueueKind
    /// The study day the card fell due (today for new cards and drills).
    public var due: StudyDay

    public init(card: CardKey, queue: QueueKind, due: StudyDay) {
        self.card = card
        self.queue = queue
        self.due = due
    }
}

/// One deck's counts.
public struct DeckSummary: Sendable, Equatable {
    public var deck: String
    public var title: String
    public var root: String
    public var total: Int
    public var new: Int
    public var due: Int
}

/// A stored card with its schedule.
public struct StoredCard: Sendable, Equatable {
    public var card: Card
    public var removed: Bool
    public var state: CardState?
}

/// A search result.
public struct SearchHit: Sendable, Equatable {
    public var card: CardKey
    public var front: String
}

extension NotebookStore {
    /// Today's queue: pending re-drills, then due reviews (oldest due first, then deck order), then
    /// new cards in deck order within the daily new-card limit (`newPerDay` across the notebook,
    /// lowered per deck by a deck's own `new_per_day`).
    public func queue(day: StudyDay, newPerDay: Int, deck: String? = nil, limit: Int? = nil) throws -> [QueueEntry] {
        try read { db in
            let limit = limit ?? Int.max
            var entries: [QueueEntry] = []

            // Re-drills: cards graded today whose last grade today was below 4.
            let todays = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.card, e.grade FROM review_event e JOIN card c ON c.key = e.card
                    WHERE e.day = ? AND c.removed = 0 AND (? IS NULL OR c.deck = ?)
                    ORDER BY e.card, e.ts, e.device, e.seq
                    """,
                arguments: [day.ordinal, deck, deck])
            var lastGrade: [(String, Int)] = []
            for row in todays {
                let key: String = row[0]
                if lastGrade.last?.0 == key {
                    lastGrade[lastGrade.count - 1].1 = row[1]
                } else {
                    lastGrade.append((key, row[1]))
                }
            }
            for (key, grade) in lastGrade where grade < 4 {
                if let card = CardKey(key) { entries.append(QueueEntry(card: card, queue: .drill, due: day)) }
            }
            if entries.count >= limit { return Array(entries.prefix(limit)) }

            // Due reviews.
            let due = try Row.fetchCursor(
                db,
                sql: """
                    SELECT deck, id, due FROM card INDEXED BY card_due
                    WHERE removed = 0 AND due IS NOT NULL AND due <= ? AND (? IS NULL OR deck = ?)
                    ORDER BY due, deck, position LIMIT ?
                    """, arguments: [day.ordinal, deck, deck, limit == Int.max ? -1 : limit - entries.count])
            let drilled = Set(lastGrade.map(\.0))
            while let row = try due.next() {
                let key = CardKey(deck: row[0], id: row[1])
                if drilled.contains(key.description) { continue }
                entries.append(QueueEntry(card: key, queue: .review, due: StudyDay(ordinal: row[2])))
            }
            if entries.count >= limit { return Array(entries.prefix(limit)) }

            // New cards within today's allowance.
            var remaining = newPerDay - (try introduced(on: day, deck: nil, db))
            if remaining <= 0 { return entries }
            let decks = try Row.fetchAll(
                db, sql: "SELECT id, new_per_day FROM deck WHERE (? IS NULL OR id = ?) ORDER BY id",
                arguments: [deck, deck])
            for row in decks {
                let deckID: String = row[0]
                var allowance = min(remaining, limit - entries.count)
                if let own: Int = row[1] {
                    allowance = min(allowance, own - (try introduced(on: day, deck: deckID, db)))
                }
                guard allowance > 0 else { continue }
                let ids = try String.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM card INDEXED BY card_new WHERE deck = ? AND removed = 0 AND due IS NULL
                        ORDER BY position LIMIT ?
                        """, arguments: [deckID, allowance])
                for id in ids { entries.append(QueueEntry(card: CardKey(deck: deckID, id: id), queue: .new, due: day)) }
                remaining -= ids.count
                if remaining <= 0 || entries.count >= limit { break }
            }
            return entries
        }
    }

    /// How many cards had their first review on `day`.
    private func introduced(on day: StudyDay, deck: String?, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM card WHERE first_review = ? AND (? IS NULL OR deck = ?)",
            arguments: [day.ordinal, deck, deck]) ?? 0
    }

    /// Per-deck counts for `day`.
    public func decks(day: StudyDay) throws -> [DeckSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.title, d.root,
                        count(c.rowid),
                        count(c.rowid) FILTER (WHERE c.due IS NULL),
                        count(c.rowid) FILTER (WHERE c.due <= ?)
                    FROM deck d LEFT JOIN card c ON c.deck = d.id AND c.removed = 0
                    GROUP BY d.id
                    -- A deck whose cards are all removed (replaced under a new id, deleted) is gone.
                    HAVING count(c.rowid) > 0 OR NOT EXISTS (SELECT 1 FROM card WHERE card.deck = d.id)
                    ORDER BY d.id
                    """, arguments: [day.ordinal]
            ).map { row in
                DeckSummary(deck: row[0], title: row[1], root: row[2], total: row[3], new: row[4], due: row[5])
            }
        }
    }

    /// One card with its schedule; nil when unknown.
    public func card(_ key: CardKey) throws -> StoredCard? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT kind, front, back, tags, source_file, source_line, removed,
                            ef100, repetitions, interval, due, lapses, last_review
                        FROM card WHERE key = ?
                        """, arguments: [key.description])
            else { return nil }
            let tags: String = row[3]
            let card = Card(
                key: key, kind: CardKind(rawValue: row[0]) ?? .note, front: row[1], back: row[2],
                tags: tags.split(separator: " ").map(String.init), sourceFile: row[4], sourceLine: row[5])
            return StoredCard(card: card, removed: row[6], state: Self.state(row, offset: 7))
        }
    }

    /// Cards of one deck (or all), in deck order.
    public func cards(deck: String? = nil, includeRemoved: Bool = false) throws -> [CardKey] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deck, id FROM card WHERE (? IS NULL OR deck = ?) AND (? OR removed = 0)
                    ORDER BY deck, position
                    """, arguments: [deck, deck, includeRemoved]
            ).map { CardKey(deck: $0[0], id: $0[1]) }
        }
    }

    /// Live cards whose id contains `fragment` (the conflict copies, say), in deck order.
    public func cards(idContaining fragment: String) throws -> [CardKey] {
        try read { db in
            // Every sync asks this: the inner scan reads the `key` index, a fraction of the table.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deck, id FROM card
                    WHERE key IN (SELECT key FROM card WHERE instr(key, ?) > 0) AND removed = 0 AND instr(id, ?) > 0
                    ORDER BY deck, position
                    """, arguments: [fragment, fragment]
            ).map { CardKey(deck: $0[0], id: $0[1]) }
        }
    }

    /// Full-text search in fronts, backs and tags, Chinese or English: every word of `query` must
    /// occur. Cards whose question matches come first, then those matching in answer or tags, each
    /// group in index order. Words of three or more characters use the trigram index; shorter
    /// words (two Chinese characters, "KV") are substring tests on the candidates.
    ///
    /// Why no bm25 ranking: ranking needs every match scored, which for a common word in a large
    /// notebook costs tens of milliseconds; two early-stopping passes cost well under one.
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, limit > 0 else { return [] }
        let long = words.filter { $0.count >= 3 }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let short = words.filter { $0.count < 3 }.map { word in
            "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        }
        return try read { db in
            var hits: [SearchHit] = []
            var seen = Set<Int64>()
            for pass in [Pass.front, .anywhere] {
                var conditions = ["c.removed = 0"]
                var arguments: [(any DatabaseValueConvertible)?] = []
                var from = "card c"
                if !long.isEmpty {
                    from = "card_fts JOIN card c ON c.rowid = card_fts.rowid"
                    conditions.append("card_fts MATCH ?")
                    let expression = long.joined(separator: " AND ")
                    arguments.append(pass == .front ? "{front} : (\(expression))" : expression)
                }
                for pattern in short {
                    conditions.append(
                        pass == .front ? "c.front LIKE ?" : "(c.front LIKE ? OR c.back LIKE ? OR c.tags LIKE ?)")
                    arguments += pass == .front ? [pattern] : [pattern, pattern, pattern]
                }
                arguments.append(limit + seen.count)
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT c.rowid, c.deck, c.id, c.front FROM \(from) WHERE \(conditions.joined(separator: " AND ")) LIMIT ?",
                    arguments: StatementArguments(arguments))
                for row in rows where hits.count < limit && seen.insert(row[0]).inserted {
                    hits.append(SearchHit(card: CardKey(deck: row[1], id: row[2]), front: row[3]))
                }
                if hits.count >= limit { break }
            }
            return hits
        }
    }

    private enum Pass { case front, anywhere }

    /// Every card matching `query` (same rules as `search`), as row ids in index order: what a
    /// browser or a count needs, without reading any card's text.
    public func searchIDs(_ query: String) throws -> [Int64] {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        let long = words.filter { $0.count >= 3 }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let short = words.filter { $0.count < 3 }
        return try read { db in
            var ids: [Int64]
            if long.isEmpty {
                ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM card WHERE removed = 0")
            } else {
                ids = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM card_fts WHERE card_fts MATCH ?",
                    arguments: [long.joined(separator: " AND ")])
            }
            for word in short {
                let pattern =
                    "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
                let matching = Set(
                    try Int64.fetchAll(
                        db, sql: "SELECT rowid FROM card WHERE front LIKE ?1 OR back LIKE ?1 OR tags LIKE ?1",
                        arguments: [pattern]))
                ids = ids.filter(matching.contains)
            }
            let removed = Set(
                try Int64.fetchAll(db, sql: "SELECT rowid FROM card INDEXED BY card_removed WHERE removed = 1"))
            return removed.isEmpty ? ids : ids.filter { !removed.contains($0) }
        }
    }
}
