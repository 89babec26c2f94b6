import Foundation
import GRDB
import ZIPFoundation

/// What a package held besides its collection.
public struct AnkiPackageContents: Sendable {
    public var collection: AnkiCollection
    /// The zip entry the collection came from (`collection.anki21b`, `.anki21` or `.anki2`).
    public var collectionEntry: String
    /// Media files in the package's media map.
    public var mediaFiles: Int
    /// Bytes of the media files extracted (those the notes refer to).
    public var mediaBytes: UInt64
    /// The media files the notes refer to, by name, extracted into the folder given to `read`.
    public var media: [String: URL] = [:]
}

/// Reads Anki packages (`.apkg`, `.colpkg`) of both generations: the legacy one (schema 11,
/// `collection.anki2` or `.anki21`, a JSON media map, plain media files) and the latest one
/// (`meta` says version 3: `collection.anki21b` at schema 18, media map and media files all
/// compressed with zstd). Each entry is streamed with its size checked as it grows; only the
/// collection, the media map and the media files the notes refer to are read.
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

    /// Reads the package at `url`; with a `mediaFolder`, the media files its notes refer to are
    /// extracted there (under their names, checked to be plain file names).
    public func read(_ url: URL, mediaFolder: URL? = nil) throws -> AnkiPackageContents {
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
        let version = try packageVersion(entries, of: url)
        // A package from Anki 2.1 holds collection.anki21 and a stub collection.anki2 for old
        // clients; one in the latest format holds a stub of each beside collection.anki21b.
        let name = version.collectionEntry
        guard let entry = entries[name] else {
            throw AnkiPackageError.notAnAnkiPackage(path: path, entries: entries.keys.sorted())
        }
        if !version.compressed && entry.uncompressedSize > collectionLimit {
            throw AnkiPackageError.collectionTooLarge(
                path: path, entry: name, bytes: entry.uncompressedSize, limit: collectionLimit)
        }
        let mediaMap = try mediaEntries(entries, version: version, of: url)

        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-apkg-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw AnkiPackageError.badCollection(path: path, reason: "cannot make a temporary folder: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("collection")
        let limit = collectionLimit
        try extract(name, of: url, to: database, zstd: version.compressed, limit: limit) { written in
            AnkiPackageError.collectionTooLarge(path: path, entry: name, bytes: written, limit: limit)
        }
        let collection = try CollectionReader(path: database.path, packagePath: path, limits: limits).read()
        var contents = AnkiPackageContents(
            collection: collection, collectionEntry: name, mediaFiles: mediaMap.count, mediaBytes: 0)
        if let mediaFolder {
            try extractMedia(
                mediaMap, referencedBy: collection, of: url, version: version, into: mediaFolder,
                contents: &contents)
        }
        return contents
    }

    /// The package's generation: from `meta` when it has one (a protobuf `PackageMetadata`, field 1
    /// the version), else from the collection entry it holds.
    private func packageVersion(_ entries: [String: Entry], of url: URL) throws -> AnkiPackageVersion {
        guard entries["meta"] != nil else {
            if entries["collection.anki21b"] != nil { return .latest }
            return entries["collection.anki21"] != nil ? .legacy2 : .legacy1
        }
        let data = try small("meta", of: url, zstd: false, limit: 4_096)
        let number: UInt64
        do {
            number = try ProtobufFields(data, maxFields: 64).varint(1)
        } catch let error as ProtobufFields.Malformed {
            throw AnkiPackageError.badCollection(path: url.path, reason: "its 'meta' is malformed (\(error.reason))")
        }
        guard let version = AnkiPackageVersion(rawValue: number) else {
            throw AnkiPackageError.tooNew(path: url.path, version: number)
        }
        return version
    }

    /// The media map, every name checked: one unsafe name refuses the package.
    private func mediaEntries(_ entries: [String: Entry], version: AnkiPackageVersion, of url: URL) throws
        -> [AnkiMediaEntry]
    {
        guard entries["media"] != nil else { return [] }
        let data = try small("media", of: url, zstd: version.compressed, limit: limits.mediaMapBytes)
        let map: [AnkiMediaEntry]
        do {
            map = try AnkiMedia.entries(data, version: version, maxEntries: limits.entries)
        } catch let error as ProtobufFields.Malformed {
            throw AnkiPackageError.badCollection(path: url.path, reason: "its media map is malformed (\(error.reason))")
        }
        if let bad = map.first(where: { !AnkiMedia.isSafeName($0.name) }) {
            throw AnkiPackageError.unsafeMediaName(path: url.path, name: bad.name)
        }
        return map
    }

    /// Extracts the media files the notes refer to, within the per-file and total limits.
    private func extractMedia(
        _ map: [AnkiMediaEntry], referencedBy collection: AnkiCollection, of url: URL,
        version: AnkiPackageVersion, into folder: URL, contents: inout AnkiPackageContents
    ) throws {
        var wanted = Set<String>()
        for note in collection.notes {
            for field in note.fields { wanted.formUnion(AnkiMedia.references(in: field)) }
        }
        let path = url.path
        for entry in map where wanted.contains(entry.name) && contents.media[entry.name] == nil {
            let target = folder.appendingPathComponent(entry.name)
            let fileLimit = min(limits.mediaFileBytes, limits.mediaBytes - contents.mediaBytes)
            let before = contents.mediaBytes
            let limits = self.limits
            try extract(entry.zipEntry, of: url, to: target, zstd: version.compressed, limit: fileLimit) { written in
                written > limits.mediaFileBytes
                    ? AnkiPackageError.overLimit(
                        path: path, what: "a media file '\(entry.name)' of more than \(limits.mediaFileBytes) bytes",
                        limit: "\(limits.mediaFileBytes) bytes per media file")
                    : AnkiPackageError.overLimit(
                        path: path, what: "more than \(limits.mediaBytes) bytes of media (at '\(entry.name)')",
                        limit: "\(limits.mediaBytes) bytes of media")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? UInt64) ?? nil
            contents.mediaBytes = before + (size ?? 0)
            contents.media[entry.name] = target
        }
    }

    /// A small entry read whole into memory, at most `limit` bytes after decompression.
    private func small(_ name: String, of package: URL, zstd: Bool, limit: UInt64) throws -> Data {
        var data = Data()
        try read(
            name, of: package, zstd: zstd, limit: limit,
            tooLarge: { written in
                AnkiPackageError.overLimit(
                    path: package.path, what: "a '\(name)' entry of more than \(limit) bytes", limit: "\(limit) bytes")
            }
        ) { data.append($0) }
        return data
    }

    /// Streams one entry to `destination`.
    private func extract(
        _ name: String, of package: URL, to destination: URL, zstd: Bool, limit: UInt64,
        tooLarge: (UInt64) -> AnkiPackageError
    ) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: destination.path)
        else {
            throw AnkiPackageError.badCollection(path: package.path, reason: "cannot write a temporary file")
        }
        defer { try? handle.close() }
        try read(name, of: package, zstd: zstd, limit: limit, tooLarge: tooLarge) { try handle.write(contentsOf: $0) }
    }

    /// Passes one entry's bytes (decompressed with zstd when `zstd`) to `consumer`, stopping as
    /// soon as they grow past `limit` (the zip's directory may understate a size; a zstd frame may
    /// expand a thousandfold). Read with `ZipEntryData`, which never reads past the entry.
    private func read(
        _ name: String, of package: URL, zstd: Bool, limit: UInt64, tooLarge: (UInt64) -> AnkiPackageError,
        consumer: (Data) throws -> Void
    ) throws {
        var written: UInt64 = 0
        func sink(_ chunk: Data) throws {
            written += UInt64(chunk.count)
            if written > limit { throw tooLarge(written) }
            try consumer(chunk)
        }
        do {
            let input = try FileHandle(forReadingFrom: package)
            defer { try? input.close() }
            let data = try ZipEntryData(name, in: input)
            let stream = zstd ? try ZstdStream(limit: limit) : nil
            let checksum = try data.extract { chunk in
                if let stream { try stream.feed(chunk) { try sink($0) } } else { try sink(chunk) }
            }
            try stream?.finish()
            guard checksum == data.checksum else { throw ZipEntryData.Problem.unreadable }
        } catch let error as AnkiPackageError {
            throw error
        } catch ZstdStream.Problem.tooLarge {
            throw tooLarge(limit + 1)
        } catch ZstdStream.Problem.damaged(let reason) {
            throw AnkiPackageError.badCollection(
                path: package.path, reason: "its entry '\(name)' is not readable zstd data (\(reason))")
        } catch {
            throw AnkiPackageError.notAZip(path: package.path)
        }
    }
}

/// Reads the rows Recall needs from an extracted collection file (schema 11, or 18).
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
            [
                "id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "odid",
                "odue",
            ],
            texts: [])
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
        guard version <= 18 else {
            throw bad("its collection uses schema \(version), which Recall does not read (it reads schemas 11 to 18)")
        }
        let conf = (try? object(row["conf"] as String? ?? "", what: "configuration")) ?? [:]
        var noteTypes: [AnkiNoteType] = []
        var decks: [AnkiDeck] = []
        if try db.tableExists("notetypes") {
            // Schema 18 (collection.anki21b): note types, their fields and templates, and decks in tables.
            noteTypes = try Schema18Tables(packagePath: packagePath).noteTypes(db)
            decks = try Schema18Tables(packagePath: packagePath).decks(db)
        } else {
            let models = try object(row["models"] as String? ?? "", what: "note types")
            let deckObjects = try object(row["decks"] as String? ?? "", what: "decks")
            for (key, value) in models {
                guard let model = value as? [String: Any] else { throw bad("note type \(key) is not a JSON object") }
                noteTypes.append(try noteType(model, key: key))
            }
            for (key, value) in deckObjects {
                guard let deck = value as? [String: Any], let name = deck["name"] as? String else {
                    throw bad("deck \(key) has no name")
                }
                // A filtered deck (`dyn` 1) is a search, not a place: its cards are read in their home decks.
                if (int64(deck["dyn"]) ?? 0) != 0 { continue }
                decks.append(AnkiDeck(id: int64(deck["id"]) ?? Int64(key) ?? 0, name: name))
            }
        }
        noteTypes.sort { $0.id < $1.id }
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
                SELECT \(integers(["id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "odid", "odue"]))
                FROM cards ORDER BY id
                """
        ).map { row in
            let home = AnkiCard.home(deck: row[2], due: row[7], originalDeck: row[12], originalDue: row[13])
            return AnkiCard(
                id: row[0], noteID: row[1], deckID: home.deck, ordinal: row[3], modified: row[4],
                type: AnkiCard.CardType(rawValue: row[5]) ?? .new, queue: row[6], due: home.due, interval: row[8],
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
