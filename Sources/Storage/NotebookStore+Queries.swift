import GRDB
import RecallCore

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
    public var suspended = false
    /// Buried until this study day (docs/EVENTS.md); nil when not buried.
    public var buriedUntil: StudyDay? = nil
    /// Marked a leech (its tags then hold `leech` too).
    public var leech = false
    /// When its text last changed, milliseconds since the epoch; nil when unknown (before Recall recorded it).
    public var textChanged: Int64? = nil
}

/// A search result.
public struct SearchHit: Sendable, Equatable {
    public var card: CardKey
    public var front: String
}

extension NotebookStore {
    /// Per-deck counts for `day` (due: `SM2.isDue` of a reviewed card, as an SQL range, leaving out
    /// suspended and buried cards as the queue does).
    public func decks(day: StudyDay) throws -> [DeckSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.title, d.root,
                        count(c.rowid),
                        count(c.rowid) FILTER (WHERE c.due IS NULL),
                        count(c.rowid) FILTER (WHERE c.due <= ?1 AND \(StoredQueueCandidates.studiable("c")))
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

    /// Where each deck holding a live card was last read from (its folder or single file), by id.
    public func deckRoots() throws -> [String: String] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, root FROM deck
                    WHERE EXISTS (SELECT 1 FROM card WHERE card.deck = deck.id AND card.removed = 0)
                    """)
            return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
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
                            ef100, repetitions, interval, due, lapses, last_review, suspended, buried_until, leech,
                            text_changed
                        FROM card WHERE key = ?
                        """, arguments: [key.description])
            else { return nil }
            let card = Card(
                key: key, kind: CardKind(rawValue: row[0]) ?? .note, front: row[1], back: row[2],
                tags: Self.tags(row[3], leech: row[15]), sourceFile: row[4], sourceLine: row[5])
            return StoredCard(
                card: card, removed: row[6], state: Self.state(row, offset: 7), suspended: row[13],
                buriedUntil: (row[14] as Int?).map(StudyDay.init(ordinal:)), leech: row[15], textChanged: row[16])
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

    /// Live cards whose id is `id` (of `kind` when given), in any deck (to resolve a bare id), in
    /// key order.
    public func cards(withID id: String, kind: CardKind? = nil) throws -> [CardKey] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT deck FROM card WHERE id = ?1 AND removed = 0 AND (?2 IS NULL OR kind = ?2) ORDER BY deck",
                arguments: [id, kind?.rawValue]
            ).map { CardKey(deck: $0, id: id) }
        }
    }

    /// Live cards carrying `tag`, in deck order.
    public func cards(tagged tag: String) throws -> [CardKey] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deck, id FROM card WHERE removed = 0 AND \(Self.hasTag(1))
                    ORDER BY deck, position
                    """, arguments: [tag]
            ).map { CardKey(deck: $0[0], id: $0[1]) }
        }
    }

    /// Live cards of one deck (or all) carrying `tag` (or any), with their schedule and status, in
    /// deck order: what `recall cards` lists. `added` is the row id, which only grows.
    public func cardOverviews(deck: String? = nil, tag: String? = nil) throws -> [CardOverview] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT deck, id, front, tags, position, rowid,
                        ef100, repetitions, interval, due, lapses, last_review, suspended, buried_until, leech
                    FROM card
                    WHERE removed = 0 AND (?1 IS NULL OR deck = ?1) AND (?2 IS NULL OR \(Self.hasTag(2)))
                    ORDER BY deck, position
                    """, arguments: [deck, tag]
            ).map { row in
                let buried: Int? = row[13]
                return CardOverview(
                    key: CardKey(deck: row[0], id: row[1]), question: row[2],
                    tags: Self.tags(row[3], leech: row[14]), state: Self.state(row, offset: 6),
                    suspended: row[12], buriedUntil: buried.map(StudyDay.init(ordinal:)), position: row[4],
                    added: row[5])
            }
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
        let (long, short) = Self.searchTerms(query)
        guard !long.isEmpty || !short.isEmpty, limit > 0 else { return [] }
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

    /// A query's words: those of three or more characters as FTS5 phrases for the trigram index,
    /// shorter ones as LIKE patterns (with `%` and `_` dropped, so they match literally).
    private static func searchTerms(_ query: String) -> (long: [String], short: [String]) {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        let long = words.filter { $0.count >= 3 }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let short = words.filter { $0.count < 3 }.map { word in
            "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        }
        return (long, short)
    }

    /// Every card matching `query` (same rules as `search`), as row ids in index order: what a
    /// browser or a count needs, without reading any card's text.
    public func searchIDs(_ query: String) throws -> [Int64] {
        let (long, short) = Self.searchTerms(query)
        guard !long.isEmpty || !short.isEmpty else { return [] }
        return try read { db in
            var ids: [Int64]
            if long.isEmpty {
                ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM card WHERE removed = 0")
            } else {
                ids = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM card_fts WHERE card_fts MATCH ?",
                    arguments: [long.joined(separator: " AND ")])
            }
            for pattern in short {
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

extension NotebookStore {
    /// SQL: the card (columns of `card`, under `alias` when given) carries the tag bound as
    /// parameter `n`: written in its deck file, or `leech` on a card marked one.
    static func hasTag(_ n: Int, alias: String? = nil) -> String {
        let c = alias.map { "\($0)." } ?? ""
        return
            "(instr(' ' || \(c)tags || ' ', ' ' || ?\(n) || ' ') > 0 OR (?\(n) = '\(CardStageFilter.leechTag)' AND \(c)leech = 1))"
    }

    /// A card's tags: those of its deck file, then `leech` when it is marked one.
    static func tags(_ text: String, leech: Bool) -> [String] {
        let written = text.split(separator: " ").map(String.init)
        return leech && !written.contains(CardStageFilter.leechTag) ? written + [CardStageFilter.leechTag] : written
    }
}
