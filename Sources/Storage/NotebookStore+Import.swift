import DeckFormat
import Foundation
import GRDB
import RecallCore

extension NotebookStore {
    /// Applies scanned decks in one transaction (DECK-FORMAT.md's import semantics): new cards are
    /// added, edited ones updated (history kept), vanished ones marked removed (history kept) —
    /// but only from a deck read without errors — and returning ones restored.
    public func apply(_ decks: [ScannedDeck]) throws -> ImportCounts {
        try write { db in
            var counts = ImportCounts()
            for deck in decks {
                counts += try apply(deck, db)
            }
            return counts
        }
    }

    private func apply(_ deck: ScannedDeck, _ db: Database) throws -> ImportCounts {
        try db.execute(
            sql: """
                INSERT INTO deck(id, title, root, new_per_day) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, root = excluded.root,
                    new_per_day = excluded.new_per_day
                """, arguments: [deck.id, deck.title, deck.root, deck.newPerDay])

        struct Existing {
            var hash: String
            var removed: Bool
            var file: String
            var line: Int
            var position: Int
        }
        var existing: [String: Existing] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, content_hash, removed, source_file, source_line, position FROM card WHERE deck = ?",
            arguments: [deck.id])
        while let row = try rows.next() {
            existing[row[0]] = Existing(hash: row[1], removed: row[2], file: row[3], line: row[4], position: row[5])
        }

        // New cards are indexed for search afterwards, all in one statement (see Schema).
        let firstNewRow = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM card") ?? 0) + 1
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO card(key, deck, id, kind, front, back, tags, content_hash, source_file, source_line, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let update = try db.cachedStatement(
            sql: """
                UPDATE card SET kind = ?, front = ?, back = ?, tags = ?, content_hash = ?, source_file = ?,
                    source_line = ?, position = ?, removed = 0
                WHERE key = ?
                """)
        let move = try db.cachedStatement(
            sql: "UPDATE card SET source_file = ?, source_line = ?, position = ? WHERE key = ?")

        var counts = ImportCounts()
        var seen = Set<String>()
        var refold: [String] = []
        // A partial read cannot know the deck order of files it did not read: existing cards keep
        // their place and new ones go to the end.
        let partial = deck.scope != nil
        var nextPosition = partial ? (existing.values.map(\.position).max() ?? -1) + 1 : 0
        for (index, entry) in deck.cards.enumerated() {
            var position = index
            if partial {
                position = existing[entry.card.key.id]?.position ?? nextPosition
                if existing[entry.card.key.id] == nil { nextPosition += 1 }
            }
            let card = entry.card
            let key = card.key.description
            seen.insert(card.key.id)
            let tags = card.tags.joined(separator: " ")
            if let old = existing[card.key.id] {
                if old.removed || old.hash != entry.hash {
                    try update.execute(arguments: [
                        card.kind.rawValue, card.front, card.back, tags, entry.hash, card.sourceFile, card.sourceLine,
                        position, key,
                    ])
                    if old.removed { counts.restored += 1 } else { counts.updated += 1 }
                } else {
                    if old.file != card.sourceFile || old.line != card.sourceLine || old.position != position {
                        try move.execute(arguments: [card.sourceFile, card.sourceLine, position, key])
                    }
                    counts.unchanged += 1
                }
            } else {
                try insert.execute(arguments: [
                    key, deck.id, card.key.id, card.kind.rawValue, card.front, card.back, tags, entry.hash,
                    card.sourceFile, card.sourceLine, position,
                ])
                counts.added += 1
                refold.append(key)  // events may have arrived (progress sync) before the card did
            }
        }
        if counts.added > 0 {
            try db.execute(
                sql:
                    "INSERT INTO card_fts(rowid, front, back, tags) SELECT rowid, front, back, tags FROM card WHERE rowid >= ?",
                arguments: [firstNewRow])
        }
        if deck.isClean {
            let remove = try db.cachedStatement(sql: "UPDATE card SET removed = 1 WHERE deck = ? AND id = ?")
            for (id, old) in existing
            where !old.removed && !seen.contains(id) && (deck.scope?.contains(old.file) ?? true) {
                try remove.execute(arguments: [deck.id, id])
                counts.removed += 1
            }
        }
        if !refold.isEmpty {
            let withEvents = try String.fetchSet(
                db, sql: "SELECT DISTINCT card FROM review_event WHERE card IN (SELECT value FROM json_each(?))",
                arguments: [jsonArray(refold)])
            for key in withEvents { try refoldCard(key, db) }
        }
        return counts
    }
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
