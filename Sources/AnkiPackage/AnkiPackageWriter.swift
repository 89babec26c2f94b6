import Foundation
import GRDB
import ZIPFoundation

/// Writes an `AnkiCollection` as an Anki package (`.apkg`): a zip holding `collection.anki2`
/// (schema 11), the media files as entries "0", "1", … and the `media` map naming them
/// (`{"0": "diagram.png"}`), the legacy layout every Anki version imports. The package appears at its path complete or not at all:
/// it is built beside the destination and renamed over it.
public enum AnkiPackageWriter {
    /// Writes `collection` to `url`; `now` (seconds since the epoch) stamps the collection's
    /// modification time.
    public static func write(
        _ collection: AnkiCollection, to url: URL, now: Int64, media: [(name: String, url: URL)] = []
    ) throws {
        let folder = url.deletingLastPathComponent()
        let work = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let fail = { (reason: String) in AnkiPackageError.cannotWrite(path: url.path, reason: reason) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        } catch {
            throw fail("cannot create a working folder in \(folder.path) (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: work) }

        let database = work.appendingPathComponent("collection.anki2")
        do {
            try writeCollection(collection, to: database, now: now)
        } catch let error as AnkiPackageError {
            throw error
        } catch {
            throw fail("writing the collection: \(error)")
        }
        let mediaFiles = media
        let media = work.appendingPathComponent("media")
        let zip = work.appendingPathComponent("package.zip")
        do {
            var map: [String: String] = [:]
            for (index, file) in mediaFiles.enumerated() { map[String(index)] = file.name }
            try Data(try CollectionSchema.json(map).utf8).write(to: media)
            let archive = try Archive(url: zip, accessMode: .create)
            try archive.addEntry(with: "collection.anki2", fileURL: database, compressionMethod: .deflate)
            try archive.addEntry(with: "media", fileURL: media, compressionMethod: .deflate)
            for (index, file) in mediaFiles.enumerated() {
                try archive.addEntry(with: String(index), fileURL: file.url, compressionMethod: .deflate)
            }
        } catch {
            throw fail("zipping the package: \(error)")
        }
        // rename(2) replaces the destination atomically: readers see the old package or the new one.
        guard rename(zip.path, url.path) == 0 else {
            throw fail(String(cString: strerror(errno)))
        }
    }

    static func writeCollection(_ collection: AnkiCollection, to url: URL, now: Int64) throws {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: CollectionSchema.tables)
            var decks: [String: Any] = [:]
            // Anki expects the Default deck (id 1) to exist in every collection.
            for deck in [AnkiDeck(id: 1, name: "Default")] + collection.decks where decks[String(deck.id)] == nil {
                decks[String(deck.id)] = CollectionSchema.deckJSON(deck, modified: now)
            }
            var models: [String: Any] = [:]
            for type in collection.noteTypes {
                models[String(type.id)] = CollectionSchema.noteTypeJSON(type, modified: now)
            }
            var conf: [String: Any] = [
                "nextPos": collection.notes.count + 1, "estTimes": true, "activeDecks": [1], "sortType": "noteFld",
                "timeLim": 0, "sortBackwards": false, "addToCur": true, "curDeck": 1, "newSpread": 0,
                "dueCounts": true, "collapseTime": 1200, "schedVer": 2,
            ]
            if let first = collection.noteTypes.first { conf["curModel"] = first.id }
            if let data = collection.recallData { conf["recall"] = data }
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    collection.creation, now * 1000, now * 1000, CollectionSchema.version,
                    try CollectionSchema.json(conf), try CollectionSchema.json(models),
                    try CollectionSchema.json(decks),
                    try CollectionSchema.json(CollectionSchema.defaultDeckConfig),
                ])
            let note = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')")
            for n in collection.notes {
                let tags = n.tags.isEmpty ? "" : " " + n.tags.joined(separator: " ") + " "
                let sortField = AnkiHTML.plainText(n.fields.first ?? "")
                try note.execute(arguments: [
                    n.id, n.guid, n.noteTypeID, n.modified, tags,
                    n.fields.joined(separator: String(CollectionSchema.fieldSeparator)), sortField,
                ])
            }
            let card = try db.makeStatement(
                sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')")
            for c in collection.cards {
                try card.execute(arguments: [
                    c.id, c.noteID, c.deckID, c.ordinal, c.modified, c.type.rawValue, c.queue, c.due, c.interval,
                    c.factor, c.repetitions, c.lapses,
                ])
            }
            let review = try db.makeStatement(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
            for r in collection.reviews {
                try review.execute(arguments: [
                    r.id, r.cardID, r.ease, r.interval, r.lastInterval, r.factor, r.timeMs, r.type.rawValue,
                ])
            }
        }
    }
}
