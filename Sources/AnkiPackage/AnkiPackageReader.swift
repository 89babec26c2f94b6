import Foundation
import GRDB
import ZIPFoundation

/// What a package held besides its collection.
public struct AnkiPackageContents: Sendable {
    public var collection: AnkiCollection
    /// The zip entry the collection came from (`collection.anki21` or `collection.anki2`).
    public var collectionEntry: String
    /// Media files in the package (Recall does not import them).
    public var mediaFiles: Int
    public var mediaBytes: UInt64
}

/// Reads Anki packages (`.apkg`, `.colpkg`) in the schema-11 layout. Only the collection is
/// extracted, streamed to a temporary file with its size checked as it goes; media entries are
/// counted from the zip's directory and never read.
public struct AnkiPackageReader: Sendable {
    public var limits: AnkiLimits

    /// The largest collection accepted, in bytes (uncompressed).
    public var collectionLimit: UInt64 {
        get { limits.collectionBytes }
        set { limits.collectionBytes = newValue }
    }

    public init(limits: AnkiLimits = .standard) {
        self.limits = limits
    }

    public init(collectionLimit: UInt64) {
        limits = .standard
        limits.collectionBytes = collectionLimit
    }

    public func read(_ url: URL) throws -> AnkiPackageContents {
        let path = url.path
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw AnkiPackageError.notAZip(path: path)
        }
        // Counted as the directory is walked, so a package with millions of entries is refused
        // after reading one more than the limit.
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.entries {
                throw AnkiPackageError.overLimit(
                    path: path, what: "more than \(limits.entries) files (zip entries)",
                    limit: "\(limits.entries) files")
            }
            entries[entry.path] = entry
        }
        if entries["collection.anki21b"] != nil {
            throw AnkiPackageError.zstdCollection(path: path)
        }
        // A package from Anki 2.1 holds collection.anki21 and a stub collection.anki2 for old clients.
        guard let name = ["collection.anki21", "collection.anki2"].first(where: { entries[$0] != nil }),
            let entry = entries[name]
        else {
            throw AnkiPackageError.notAnAnkiPackage(path: path, entries: entries.keys.sorted())
        }
        if entry.uncompressedSize > collectionLimit {
            throw AnkiPackageError.collectionTooLarge(
                path: path, entry: name, bytes: entry.uncompressedSize, limit: collectionLimit)
        }
        let media = entries.values.filter { $0.path != name && $0.path != "media" && $0.path != "meta" }
            .filter { !$0.path.hasPrefix("collection.") }

        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-apkg-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw AnkiPackageError.badCollection(path: path, reason: "cannot make a temporary folder: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent(name)
        try extract(entry, of: url, to: database, packagePath: path)
        let collection = try CollectionReader(path: database.path, packagePath: path, limits: limits).read()
        return AnkiPackageContents(
            collection: collection, collectionEntry: name, mediaFiles: media.count,
            mediaBytes: media.reduce(0) { $0 + $1.uncompressedSize })
    }

    /// Streams one entry to `destination`, stopping as soon as it grows past the limit (the zip's
    /// directory may understate a size). Read with `ZipEntryData`, which never reads past the entry.
    private func extract(_ entry: Entry, of package: URL, to destination: URL, packagePath: String) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: destination.path)
        else {
            throw AnkiPackageError.badCollection(path: packagePath, reason: "cannot write a temporary file")
        }
        defer { try? handle.close() }
        var written: UInt64 = 0
        let limit = collectionLimit
        do {
            let input = try FileHandle(forReadingFrom: package)
            defer { try? input.close() }
            let checksum = try ZipEntryData(entry.path, in: input).extract { chunk in
                written += UInt64(chunk.count)
                if written > limit {
                    throw AnkiPackageError.collectionTooLarge(
                        path: packagePath, entry: entry.path, bytes: written, limit: limit)
                }
                try handle.write(contentsOf: chunk)
            }
            guard checksum == entry.checksum else { throw ZipEntryData.Problem.unreadable }
        } catch let error as AnkiPackageError {
            throw error
        } catch {
            throw AnkiPackageError.notAZip(path: packagePath)
        }
    }
}

/// Reads the rows Recall needs from an extracted schema-11 collection file.
struct CollectionReader {
    var path: String
    var packagePath: String
    var limits: AnkiLimits

    func bad(_ reason: String) -> AnkiPackageError { .badCollection(path: packagePath, reason: reason) }

    func read() throws -> AnkiCollection {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try read(db) }
        } catch let error as AnkiPackageError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw bad("its collection is not an SQLite database")
            }
            throw bad("its collection cannot be read (\(error.message ?? "\(error)"))")
        } catch {
            throw bad("its collection cannot be read (\(error))")
        }
    }

    private func read(_ db: Database) throws -> AnkiCollection {
        for table in ["col", "notes", "cards", "revlog"] where try !db.tableExists(table) {
            throw bad("its collection has no '\(table)' table")
        }
        // Counted before any row is loaded: rows become values in memory.
        for (table, what, limit) in [
            ("notes", "notes", limits.notes), ("cards", "cards", limits.cards), ("revlog", "reviews", limits.reviews),
        ] {
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            if count > limit {
                throw AnkiPackageError.overLimit(path: packagePath, what: "\(count) \(what)", limit: "\(limit) \(what)")
            }
        }
        if let row = try Row.fetchOne(
            db,
            sql:
                "SELECT CAST(id AS INTEGER), length(CAST(flds AS BLOB)) FROM notes WHERE length(CAST(flds AS BLOB)) > ? LIMIT 1",
            arguments: [limits.noteBytes])
        {
            let id: Int64? = row[0]
            let bytes: Int = row[1]
            throw AnkiPackageError.overLimit(
                path: packagePath, what: "note \(id.map(String.init) ?? "?") with \(bytes) bytes of fields",
                limit: "\(limits.noteBytes) bytes per note")
        }
        try checkNumbers(db, table: "col", ["crt", "ver"], texts: [])
        try checkNumbers(db, table: "notes", ["id", "mid", "mod"], texts: ["guid"])
        try checkNumbers(
            db, table: "cards",
            ["id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps", "lapses"], texts: [])
        try checkNumbers(
            db, table: "revlog", ["id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type"], texts: [])
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT CAST(crt AS INTEGER) AS crt, CAST(ver AS INTEGER) AS ver, CAST(models AS TEXT) AS models,
                    CAST(decks AS TEXT) AS decks, CAST(conf AS TEXT) AS conf FROM col LIMIT 1
                    """)
        else { throw bad("its collection has no 'col' row") }
        let version: Int = row["ver"]
        guard version <= 11 else {
            throw bad("its collection uses schema \(version), which Recall does not read (it reads schema 11)")
        }
        let models = try object(row["models"] as String? ?? "", what: "note types")
        let deckObjects = try object(row["decks"] as String? ?? "", what: "decks")
        let conf = (try? object(row["conf"] as String? ?? "", what: "configuration")) ?? [:]

        var noteTypes: [AnkiNoteType] = []
        for (key, value) in models {
            guard let model = value as? [String: Any] else { throw bad("note type \(key) is not a JSON object") }
            noteTypes.append(try noteType(model, key: key))
        }
        noteTypes.sort { $0.id < $1.id }
        var decks: [AnkiDeck] = []
        for (key, value) in deckObjects {
            guard let deck = value as? [String: Any], let name = deck["name"] as? String else {
                throw bad("deck \(key) has no name")
            }
            decks.append(AnkiDeck(id: int64(deck["id"]) ?? Int64(key) ?? 0, name: name))
        }
        decks.sort { $0.id < $1.id }

        let notes = try Row.fetchAll(
            db,
            sql: """
                SELECT \(integers(["id"])), CAST(guid AS TEXT), \(integers(["mid", "mod"])), CAST(tags AS TEXT),
                CAST(flds AS TEXT) FROM notes ORDER BY id
                """
        ).map {
            row in
            AnkiNote(
                id: row[0], guid: row[1], noteTypeID: row[2], modified: row[3],
                tags: (row[4] as String? ?? "").split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(
                    String.init),
                fields: (row[5] as String? ?? "").split(
                    separator: CollectionSchema.fieldSeparator, omittingEmptySubsequences: false
                ).map(String.init))
        }
        let cards = try Row.fetchAll(
            db,
            sql: """
                SELECT \(integers(["id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps", "lapses"]))
                FROM cards ORDER BY id
                """
        ).map { row in
            AnkiCard(
                id: row[0], noteID: row[1], deckID: row[2], ordinal: row[3], modified: row[4],
                type: AnkiCard.CardType(rawValue: row[5]) ?? .new, queue: row[6], due: row[7], interval: row[8],
                factor: row[9], repetitions: row[10], lapses: row[11])
        }
        let reviews = try Row.fetchAll(
            db,
            sql: """
                SELECT \(integers(["id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type"])) FROM revlog ORDER BY id
                """
        ).map { row in
            AnkiReview(
                id: row[0], cardID: row[1], ease: row[2], interval: row[3], lastInterval: row[4], factor: row[5],
                timeMs: row[6], type: AnkiReview.ReviewType(rawValue: row[7]) ?? .review)
        }
        return AnkiCollection(
            creation: row["crt"], decks: decks, noteTypes: noteTypes, notes: notes, cards: cards, reviews: reviews,
            recallData: conf["recall"] as? String)
    }

    /// Refuses a table whose rows hold NULL, text or a blob where Anki writes a number (or NULL for
    /// a text Recall needs): GRDB's decoding of such a value into a number is a trap, not an error
    /// (found by Fuzz/). Numbers are then read through `CAST`, which makes a real an integer.
    private func checkNumbers(_ db: Database, table: String, _ numbers: [String], texts: [String]) throws {
        let conditions = numbers.map { "typeof(\($0)) NOT IN ('integer', 'real')" } + texts.map { "\($0) IS NULL" }
        let sql = "SELECT 1 FROM \(table) WHERE \(conditions.joined(separator: " OR ")) LIMIT 1"
        if try Int.fetchOne(db, sql: sql) != nil {
            throw bad(
                "its '\(table)' table has a row with a missing or non-numeric value in \((numbers + texts).joined(separator: ", "))"
            )
        }
    }

    /// The columns as integers, for a SELECT list.
    private func integers(_ columns: [String]) -> String {
        columns.map { "CAST(\($0) AS INTEGER)" }.joined(separator: ", ")
    }

    private func object(_ text: String, what: String) throws -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let object = value as? [String: Any]
        else { throw bad("its \(what) are not valid JSON") }
        return object
    }

    private func noteType(_ model: [String: Any], key: String) throws -> AnkiNoteType {
        let name = model["name"] as? String ?? "note type \(key)"
        let fields = (model["flds"] as? [[String: Any]] ?? [])
            .sorted { (int64($0["ord"]) ?? 0) < (int64($1["ord"]) ?? 0) }
            .compactMap { $0["name"] as? String }
        let templates = (model["tmpls"] as? [[String: Any]] ?? [])
            .sorted { (int64($0["ord"]) ?? 0) < (int64($1["ord"]) ?? 0) }
            .map {
                AnkiNoteType.Template(
                    name: $0["name"] as? String ?? "", question: $0["qfmt"] as? String ?? "",
                    answer: $0["afmt"] as? String ?? "")
            }
        let kind: AnkiNoteType.Kind = int64(model["type"]) == 1 ? .cloze : .standard
        return AnkiNoteType(
            id: int64(model["id"]) ?? Int64(key) ?? 0, name: name, kind: kind, fields: fields, templates: templates,
            css: model["css"] as? String ?? "")
    }

    private func int64(_ value: Any?) -> Int64? {
        if let number = value as? NSNumber { return number.int64Value }
        if let text = value as? String { return Int64(text) }
        return nil
    }
}
