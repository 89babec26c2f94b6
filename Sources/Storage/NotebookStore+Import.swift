import DeckFormat
import Foundation
import GRDB
import RecallCore

extension NotebookStore {
    /// Applies scanned decks in one transaction (DECK-FORMAT.md's import semantics): new cards are
    /// added, edited ones updated (history kept), vanished ones marked removed (history kept) —
    /// but only from a deck read without errors — and returning ones restored. A deck read under a
    /// new id from the root of another (its `deck:` changed) replaces it: the old deck's cards are
    /// marked removed. Cards read from `vanishedFiles` (deleted, in no deck any more) are removed.
    /// `changedAt` (milliseconds) is recorded as the time the text of added and edited cards
    /// changed; nil records it as unknown.
    public func apply(_ decks: [ScannedDeck], vanishedFiles: [String] = [], changedAt: Int64? = nil) throws
        -> ImportCounts
    {
        try write { db in
            var counts = ImportCounts()
            for deck in decks {
                counts += try apply(deck, changedAt: changedAt, db)
            }
            if !vanishedFiles.isEmpty {
                try db.execute(
                    sql:
                        "UPDATE card SET removed = 1 WHERE removed = 0 AND source_file IN (SELECT value FROM json_each(?))",
                    arguments: [jsonArray(vanishedFiles)])
                counts.removed += db.changesCount
            }
            return counts
        }
    }

    /// Marks removed every live card read from a file below the folder `root`; returns how many.
    public func removeCards(under root: String) throws -> Int {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return try write { db in
            try db.execute(
                sql: "UPDATE card SET removed = 1 WHERE removed = 0 AND substr(source_file, 1, ?) = ?",
                arguments: [prefix.unicodeScalars.count, prefix])  // substr counts code points
            return db.changesCount
        }
    }

    /// Marks removed every live card of `deck` (their events and schedules stay, so an import of
    /// the deck restores them as they were), and drops the deck's row when it holds no card at
    /// all, so that `decks` lists it no more. Returns how many cards were marked removed.
    public func removeDeck(_ deck: String) throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE card SET removed = 1 WHERE deck = ? AND removed = 0", arguments: [deck])
            let removed = db.changesCount
            try db.execute(
                sql: "DELETE FROM deck WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM card WHERE deck = ?1)",
                arguments: [deck])
            return removed
        }
    }

    /// One deck's import, step by step.
    private func apply(_ deck: ScannedDeck, changedAt: Int64?, _ db: Database) throws -> ImportCounts {
        var counts = ImportCounts()
        if deck.idIsDeclared { counts.removed += try retireRenamedDecks(of: deck, db) }
        try saveDeck(deck, db)
        let existing = try existingCards(of: deck.id, db)
        // New cards are indexed for search afterwards, all in one statement (see Schema).
        let firstNewRow = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM card") ?? 0) + 1
        let written = try writeCards(deck, existing: existing, changedAt: changedAt, db)
        counts += written.counts
        if written.counts.added > 0 { try indexCards(fromRow: firstNewRow, db) }
        if deck.isClean {
            counts.removed += try removeVanishedCards(of: deck.id, existing: existing, seen: written.seen, db)
        }
        // Events may have arrived (progress sync) before their card did.
        try refoldCardsWithEvents(written.added, db)
        return counts
    }

    /// Card keys are deck/id, so a deck that changed its id is a new deck; the old one's cards
    /// are retired (history kept under the old keys), exactly as a fresh import of the tree would
    /// not have them. Returns how many were marked removed.
    private func retireRenamedDecks(of deck: ScannedDeck, _ db: Database) throws -> Int {
        try db.execute(
            sql: """
                UPDATE card SET removed = 1
                WHERE removed = 0 AND deck IN (SELECT id FROM deck WHERE root = ? AND id <> ?)
                """, arguments: [deck.root, deck.id])
        return db.changesCount
    }

    private func saveDeck(_ deck: ScannedDeck, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO deck(id, title, root, new_per_day) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, root = excluded.root,
                    new_per_day = excluded.new_per_day
                """, arguments: [deck.id, deck.title, deck.root, deck.newPerDay])
    }

    /// What the notebook holds of a deck's cards, by card id.
    private func existingCards(of deck: String, _ db: Database) throws -> [String: ExistingCard] {
        var existing: [String: ExistingCard] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, content_hash, removed, source_file, source_line, position FROM card WHERE deck = ?",
            arguments: [deck])
        while let row = try rows.next() {
            existing[row[0]] = ExistingCard(
                hash: row[1], removed: row[2], file: row[3], line: row[4], position: row[5])
        }
        return existing
    }

    /// Inserts new cards, updates edited and returning ones, moves the rest's source location.
    private func writeCards(
        _ deck: ScannedDeck, existing: [String: ExistingCard], changedAt: Int64?, _ db: Database
    ) throws -> (counts: ImportCounts, seen: Set<String>, added: [String]) {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO card(key, deck, id, kind, front, back, tags, content_hash, source_file, source_line, position,
                    text_changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        // A returning card whose text is the same keeps its time of change.
        let update = try db.cachedStatement(
            sql: """
                UPDATE card SET kind = ?1, front = ?2, back = ?3, tags = ?4, source_file = ?5,
                    source_line = ?6, position = ?7, removed = 0,
                    text_changed = CASE WHEN content_hash = ?8 THEN text_changed ELSE ?9 END, content_hash = ?8
                WHERE key = ?10
                """)
        let move = try db.cachedStatement(
            sql: "UPDATE card SET source_file = ?, source_line = ?, position = ? WHERE key = ?")
        var counts = ImportCounts()
        var seen = Set<String>()
        var added: [String] = []
        for (position, entry) in deck.cards.enumerated() {
            let card = entry.card
            let key = card.key.description
            seen.insert(card.key.id)
            let tags = card.tags.joined(separator: " ")
            guard let old = existing[card.key.id] else {
                try insert.execute(arguments: [
                    key, deck.id, card.key.id, card.kind.rawValue, card.front, card.back, tags, entry.hash,
                    card.sourceFile, card.sourceLine, position, changedAt,
                ])
                counts.added += 1
                added.append(key)
                continue
            }
            if old.removed || old.hash != entry.hash {
                try update.execute(arguments: [
                    card.kind.rawValue, card.front, card.back, tags, card.sourceFile, card.sourceLine, position,
                    entry.hash, changedAt, key,
                ])
                if old.removed { counts.restored += 1 } else { counts.updated += 1 }
            } else {
                if old.file != card.sourceFile || old.line != card.sourceLine || old.position != position {
                    try move.execute(arguments: [card.sourceFile, card.sourceLine, position, key])
                }
                counts.unchanged += 1
            }
        }
        return (counts, seen, added)
    }

    /// Indexes for search every card from `rowid` on, in one statement.
    private func indexCards(fromRow rowid: Int64, _ db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO card_fts(rowid, front, back, tags) SELECT rowid, front, back, tags FROM card WHERE rowid >= ?",
            arguments: [rowid])
    }

    /// Marks removed the live cards of a cleanly read deck that its files no longer hold.
    private func removeVanishedCards(
        of deck: String, existing: [String: ExistingCard], seen: Set<String>, _ db: Database
    ) throws -> Int {
        let remove = try db.cachedStatement(sql: "UPDATE card SET removed = 1 WHERE deck = ? AND id = ?")
        var removed = 0
        for (id, old) in existing where !old.removed && !seen.contains(id) {
            try remove.execute(arguments: [deck, id])
            removed += 1
        }
        return removed
    }

    private func refoldCardsWithEvents(_ keys: [String], _ db: Database) throws {
        guard !keys.isEmpty else { return }
        let withEvents = try String.fetchSet(
            db, sql: "SELECT DISTINCT card FROM review_event WHERE card IN (SELECT value FROM json_each(?))",
            arguments: [jsonArray(keys)])
        for key in withEvents { try refoldCard(key, db) }
    }
}

/// A card as the notebook holds it before an import, for comparison with the deck's.
private struct ExistingCard {
    var hash: String
    var removed: Bool
    var file: String
    var line: Int
    var position: Int
}

/// A JSON array of strings, for `json_each(?)` parameters.
func jsonArray(_ values: [String]) -> String {
    var out = "["
    for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
    return out + "]"
}
