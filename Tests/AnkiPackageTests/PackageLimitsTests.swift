import AnkiPackage
import Foundation
import RecallTestSupport
import Testing
import ZIPFoundation

/// AnkiLimits (docs/LIMITS.md): each at the limit (read) and one past it (refused by name). Most
/// use a small limit on a small package; the real values are checked where that is cheap.
@Suite("Anki package limits")
struct PackageLimitsTests {
    /// The sample collection with `notes` notes (one card each) and its two reviews.
    static func collection(notes: Int) -> AnkiCollection {
        var collection = PackageFileTests.sample()
        let note = collection.notes[0]
        let card = collection.cards[0]
        collection.notes = (0..<notes).map {
            var copy = note
            copy.id = note.id + Int64($0)
            copy.guid = "g\($0)"
            return copy
        }
        collection.cards = (0..<notes).map {
            var copy = card
            copy.id = card.id + Int64($0)
            copy.noteID = note.id + Int64($0)
            return copy
        }
        return collection
    }

    func package(_ collection: AnkiCollection, in folder: TemporaryFolder) throws -> URL {
        let url = folder.url.appendingPathComponent("p-\(UUID().uuidString.prefix(6)).apkg")
        try AnkiPackageWriter.write(collection, to: url, now: 1_795_430_000)
        return url
    }

    func refusal(_ url: URL, _ limits: AnkiLimits) -> String? {
        do {
            _ = try AnkiPackageReader(limits: limits).read(url)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("the real limits are the documented ones")
    func standard() {
        let limits = AnkiLimits.standard
        #expect(limits.collectionBytes == 512 * 1_048_576)
        #expect(limits.entries == 200_000)
        #expect(limits.notes == 1_000_000 && limits.cards == 2_000_000 && limits.reviews == 5_000_000)
        #expect(limits.noteBytes == 512 * 1_024)
        #expect(limits.mediaMapBytes == 64 * 1_048_576)
        #expect(limits.mediaFileBytes == 16 * 1_048_576 && limits.mediaBytes == 1_024 * 1_048_576)
    }

    @Test("media: a file and all files at their limits are read; a byte past either is refused, naming the file")
    func media() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        let a = try folder.write("a", bytes: Array(repeating: 1, count: 3000))
        let b = try folder.write("b", bytes: Array(repeating: 2, count: 2000))
        var collection = PackageFileTests.sample()
        collection.notes[0].fields[1] += "<img src=\"a.png\"> [sound:b.mp3]"
        let url = folder.url.appendingPathComponent("media.apkg")
        try AnkiPackageWriter.write(collection, to: url, now: 1_795_430_000, media: [("a.png", a), ("b.mp3", b)])
        let target = folder.url.appendingPathComponent("out")
        func read(_ change: (inout AnkiLimits) -> Void) -> String? {
            var limits = AnkiLimits()
            change(&limits)
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            do {
                _ = try AnkiPackageReader(limits: limits).read(url, mediaFolder: target)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(read { $0.mediaFileBytes = 3000 } == nil)
        #expect(read { $0.mediaFileBytes = 2999 }?.contains("a media file 'a.png' of more than 2999 bytes") == true)
        #expect(read { $0.mediaBytes = 5000 } == nil)
        #expect(read { $0.mediaBytes = 4999 }?.contains("more than 4999 bytes of media (at 'b.mp3')") == true)
        // The map is {"0":"a.png","1":"b.mp3"}: 25 bytes.
        #expect(read { $0.mediaMapBytes = 25 } == nil)
        #expect(read { $0.mediaMapBytes = 24 }?.contains("a 'media' entry of more than 24 bytes") == true)
    }

    @Test("notes, cards and reviews: exactly the limit is read; one more is refused, naming the count")
    func counts() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        let url = try package(Self.collection(notes: 3), in: folder)
        var limits = AnkiLimits()
        (limits.notes, limits.cards, limits.reviews) = (3, 3, 2)
        #expect(refusal(url, limits) == nil)
        for (path, what) in [(\AnkiLimits.notes, "3 notes"), (\.cards, "3 cards"), (\.reviews, "2 reviews")] {
            var lower = limits
            lower[keyPath: path] -= 1
            let message = refusal(url, lower)
            #expect(
                message?.contains("holds \(what), more than the \(lower[keyPath: path]) ") == true, "\(message ?? "")")
            #expect(message?.contains("export fewer decks from Anki") == true)
        }
    }

    @Test("a note's fields: exactly the limit in bytes is read; one byte more is refused, naming the note")
    func noteBytes() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        var collection = Self.collection(notes: 1)
        collection.notes[0].fields = ["Q", String(repeating: "é", count: 500)]  // 1 + 1 + 1,000 bytes
        let url = try package(collection, in: folder)
        var limits = AnkiLimits()
        limits.noteBytes = 1_002
        #expect(refusal(url, limits) == nil)
        limits.noteBytes = 1_001
        #expect(
            refusal(url, limits)?.contains(
                "holds note 100 with 1002 bytes of fields, more than the 1001 bytes per note")
                == true)
    }

    @Test("zip entries: exactly the limit is read; one more is refused")
    func entries() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        let url = try package(Self.collection(notes: 1), in: folder)
        let archive = try Archive(url: url, accessMode: .update)
        for index in 0..<3 {
            try archive.addEntry(with: "\(index)", type: .file, uncompressedSize: Int64(0)) { _, _ in Data() }
        }
        let count = Array(try Archive(url: url, accessMode: .read)).count
        var limits = AnkiLimits()
        limits.entries = count
        #expect(refusal(url, limits) == nil)
        limits.entries = count - 1
        #expect(refusal(url, limits)?.contains("holds more than \(count - 1) files (zip entries)") == true)
    }

    @Test("the collection: exactly the limit in bytes is read; one byte less of limit is refused")
    func collectionBytes() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        let url = try package(Self.collection(notes: 1), in: folder)
        let size = try #require(Array(try Archive(url: url, accessMode: .read)).first { $0.path == "collection.anki2" })
            .uncompressedSize
        #expect(
            refusal(
                url,
                {
                    var l = AnkiLimits(); l.collectionBytes = size; return l
                }()) == nil)
        #expect(
            refusal(
                url,
                {
                    var l = AnkiLimits(); l.collectionBytes = size - 1; return l
                }())?.contains(
                    "more than the") == true)
    }

    @Test("the real note limit: a collection of 1,000,001 notes is refused before any row is loaded")
    func realNoteLimit() throws {
        let folder = try TemporaryFolder("anki-limits")
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("many.apkg")
        // Rows of ids only: the count is checked before anything else is read from them.
        let script = """
            import sqlite3, sys, zipfile
            db = sqlite3.connect(sys.argv[1] + "/collection.anki2")
            for table in ["col", "notes", "cards", "revlog"]:
                db.execute("CREATE TABLE %s (id INTEGER PRIMARY KEY)" % table)
            db.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000001) "
                       "INSERT INTO notes SELECT x FROM n")
            db.commit()
            db.close()
            with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as z:
                z.write(sys.argv[1] + "/collection.anki2", "collection.anki2")
            """
        let built = try ChildProcess.run(["python3", "-c", script, folder.path, url.path])
        #expect(built.status == 0, "\(built.output)")
        #expect(refusal(url, .standard)?.contains("holds 1000001 notes, more than the 1000000 notes") == true)
    }
}
