import AnkiPackage
import Foundation
import RecallTestSupport
import Testing
import ZIPFoundation

@Suite("Anki package files")
struct PackageFileTests {
    static func sample() -> AnkiCollection {
        AnkiCollection(
            creation: 1_795_406_400,
            decks: [AnkiDeck(id: 42, name: "LLM::Basics")],
            noteTypes: [
                AnkiNoteType(
                    id: 7, name: "Basic", kind: .standard, fields: ["Front", "Back"],
                    templates: [.init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr>{{Back}}")])
            ],
            notes: [
                AnkiNote(
                    id: 100, guid: "llm/rope", noteTypeID: 7, modified: 1_795_430_000, tags: ["llm", "position"],
                    fields: ["What is <b>RoPE</b>?", "Rotary\u{1e}embedding"])
            ],
            cards: [
                AnkiCard(
                    id: 200, noteID: 100, deckID: 42, ordinal: 0, modified: 1_795_430_000, type: .review, queue: 2,
                    due: 12, interval: 6, factor: 2600, repetitions: 2, lapses: 0)
            ],
            reviews: [
                AnkiReview(
                    id: 1_795_168_800_000, cardID: 200, ease: 3, interval: 1, lastInterval: 0, factor: 2500,
                    timeMs: 4200, type: .learning),
                AnkiReview(
                    id: 1_795_255_200_000, cardID: 200, ease: 4, interval: 6, lastInterval: 1, factor: 2600,
                    timeMs: 1800, type: .review),
            ],
            recallData: "{\"version\":1}")
    }

    @Test("a package written and read back gives the same collection")
    func writeThenRead() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("deck.apkg")
        let collection = Self.sample()
        try AnkiPackageWriter.write(collection, to: url, now: 1_795_430_000)
        let contents = try AnkiPackageReader().read(url)
        #expect(contents.collectionEntry == "collection.anki2")
        #expect(contents.mediaFiles == 0)
        var read = contents.collection
        // The writer adds Anki's Default deck, which every collection has.
        #expect(read.decks.contains(AnkiDeck(id: 1, name: "Default")))
        read.decks.removeAll { $0.id == 1 }
        #expect(read == collection)
        // No working files are left beside the package.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["deck.apkg"])
    }

    @Test("writing over an existing package replaces it whole")
    func replace() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let url = try folder.write("deck.apkg", "old contents")
        try AnkiPackageWriter.write(Self.sample(), to: url, now: 1_795_430_000)
        #expect(try AnkiPackageReader().read(url).collection.notes.count == 1)
    }

    // Found by Fuzz/ (fuzz-anki-package): ZIPFoundation's extraction inflated past the entry and, its
    // deflate stream not ending before the end of the file, asked for more input forever.
    @Test("a collection whose compressed stream does not end within its entry is a damaged zip, not a hang")
    func streamCutShort() throws {
        let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus/anki-package/timeout-deflate-cut-short.apkg").standardized
        #expect(throws: AnkiPackageError.notAZip(path: input.path)) { try AnkiPackageReader().read(input) }
    }

    // The collection is inflated in 64 KiB chunks (ZipEntryData); Fuzz/ found ZIPFoundation's loop
    // telling zlib a short last chunk was full-sized (`crash-inflate-past-short-chunk.apkg`).
    @Test("a collection of many chunks reads back whole, stored or deflated, and cut short it is refused")
    func manyChunks() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        var collection = Self.sample()
        // UUIDs compress poorly, so the deflated collection spans several chunks too.
        collection.notes = (0..<3000).map { index in
            AnkiNote(
                id: 1000 + Int64(index), guid: "n\(index)", noteTypeID: 7, modified: 1_795_430_000, tags: [],
                fields: [UUID().uuidString + UUID().uuidString, UUID().uuidString])
        }
        let written = folder.url.appendingPathComponent("big.apkg")
        try AnkiPackageWriter.write(collection, to: written, now: 1_795_430_000)
        #expect(try AnkiPackageReader().read(written).collection.notes == collection.notes, "deflated")

        // The same collection stored uncompressed.
        let database = folder.url.appendingPathComponent("collection.anki2")
        let source = try Archive(url: written, accessMode: .read)
        let entry = try #require(source["collection.anki2"])
        #expect(entry.compressedSize > 3 * 65_536)
        _ = try source.extract(entry, to: database)
        let stored = folder.url.appendingPathComponent("stored.apkg")
        try Archive(url: stored, accessMode: .create).addEntry(
            with: "collection.anki2", fileURL: database, compressionMethod: .none)
        #expect(try AnkiPackageReader().read(stored).collection.notes == collection.notes, "stored")

        // The deflated entry's recorded sizes cut down so that its stream stops mid-chunk: the
        // central directory's compressed size (offset 20 of its record) is the one the reader uses.
        var bytes = [UInt8](try Data(contentsOf: written))
        let name = Array("collection.anki2".utf8)
        let signature: [UInt8] = [0x50, 0x4b, 0x01, 0x02]
        func isCollectionRecord(_ at: Int) -> Bool {
            bytes[at..<(at + 4)].elementsEqual(signature)
                && bytes[(at + 46)..<(at + 46 + name.count)].elementsEqual(name)
        }
        let record = try #require((0..<(bytes.count - 46 - name.count)).last(where: isCollectionRecord))
        let cut = UInt32(entry.compressedSize) - 1000
        for index in 0..<4 { bytes[record + 20 + index] = UInt8((cut >> (8 * UInt32(index))) & 0xff) }
        let damaged = try folder.write("damaged.apkg", bytes: bytes)
        #expect(throws: AnkiPackageError.notAZip(path: damaged.path)) { _ = try AnkiPackageReader().read(damaged) }
    }

    @Test("bad files: not a zip, truncated, a zip without a collection, the zstd format, too large")
    func badFiles() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let reader = AnkiPackageReader()

        let text = try folder.write("notes.apkg", "just some text, not a zip")
        #expect(throws: AnkiPackageError.notAZip(path: text.path)) { try reader.read(text) }

        let good = folder.url.appendingPathComponent("good.apkg")
        try AnkiPackageWriter.write(Self.sample(), to: good, now: 1_795_430_000)
        let bytes = try Data(contentsOf: good)
        let truncated = try folder.write("truncated.apkg", bytes: Array(bytes.prefix(bytes.count / 2)))
        #expect(throws: AnkiPackageError.notAZip(path: truncated.path)) { try reader.read(truncated) }

        let other = folder.url.appendingPathComponent("photos.apkg")
        let archive = try Archive(url: other, accessMode: .create)
        try archive.addEntry(with: "cat.jpg", fileURL: text)
        #expect(throws: AnkiPackageError.notAnAnkiPackage(path: other.path, entries: ["cat.jpg"])) {
            try reader.read(other)
        }

        let modern = folder.url.appendingPathComponent("modern.apkg")
        let modernArchive = try Archive(url: modern, accessMode: .create)
        try modernArchive.addEntry(with: "collection.anki21b", fileURL: text)
        try modernArchive.addEntry(with: "collection.anki2", fileURL: text)
        // Named like Anki's current format but not zstd: refused as damaged, naming the entry.
        #expect(
            throws: AnkiPackageError.badCollection(
                path: modern.path,
                reason: "its entry 'collection.anki21b' is not readable zstd data (Unknown frame descriptor)")
        ) {
            try reader.read(modern)
        }

        let small = AnkiPackageReader(collectionLimit: 1024)
        #expect(throws: AnkiPackageError.self) { try small.read(good) }
        do {
            _ = try small.read(good)
        } catch let error as AnkiPackageError {
            guard case .collectionTooLarge(_, let entry, _, let limit) = error else {
                Issue.record("expected collectionTooLarge, got \(error)")
                return
            }
            #expect(entry == "collection.anki2")
            #expect(limit == 1024)
        }

        let fake = folder.url.appendingPathComponent("fake.apkg")
        let fakeArchive = try Archive(url: fake, accessMode: .create)
        try fakeArchive.addEntry(with: "collection.anki2", fileURL: text)
        #expect(
            throws: AnkiPackageError.badCollection(path: fake.path, reason: "its collection is not an SQLite database")
        ) {
            try reader.read(fake)
        }
    }

    // Found by Fuzz/ (fuzz-anki-package): GRDB traps when it decodes NULL or text into a number, so
    // such a value in a collection crashed `recall import`.
    @Test("a collection with text or NULL where Anki writes a number is refused, not a crash")
    func nonNumericColumn() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let good = folder.url.appendingPathComponent("good.apkg")
        try AnkiPackageWriter.write(Self.sample(), to: good, now: 1_795_430_000)
        for (table, update) in [("cards", "UPDATE cards SET due = 'soon'"), ("notes", "UPDATE notes SET mod = x'00'")] {
            let collection = folder.url.appendingPathComponent("collection.anki2")
            try? FileManager.default.removeItem(at: collection)
            guard let entry = try Archive(url: good, accessMode: .read)["collection.anki2"] else {
                Issue.record("no collection in the written package")
                return
            }
            _ = try Archive(url: good, accessMode: .read).extract(entry, to: collection)
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [collection.path, update]
            try sqlite.run()
            sqlite.waitUntilExit()
            #expect(sqlite.terminationStatus == 0)
            let bad = folder.url.appendingPathComponent("bad-\(table).apkg")
            try Archive(url: bad, accessMode: .create).addEntry(with: "collection.anki2", fileURL: collection)
            do {
                _ = try AnkiPackageReader().read(bad)
                Issue.record("read a collection with a non-numeric value in \(table)")
            } catch let error as AnkiPackageError {
                guard case .badCollection(_, let reason) = error else {
                    Issue.record("expected badCollection, got \(error)")
                    continue
                }
                #expect(reason.hasPrefix("its '\(table)' table has a row with a missing or non-numeric value"))
            }
        }
    }

    @Test("media no note refers to are counted and never read; those a note shows are extracted")
    func media() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let picture = try folder.write("picture", bytes: Array(repeating: 7, count: 5000))
        let base = folder.url.appendingPathComponent("base.apkg")
        try AnkiPackageWriter.write(Self.sample(), to: base, now: 1_795_430_000, media: [("pic.png", picture)])
        let extracted = folder.url.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        let unused = try AnkiPackageReader().read(base, mediaFolder: extracted)
        #expect(unused.mediaFiles == 1)
        #expect(unused.media.isEmpty)
        #expect(unused.mediaBytes == 0)

        var shown = Self.sample()
        shown.notes[0].fields[1] += "<img src=\"pic.png\">"
        try AnkiPackageWriter.write(shown, to: base, now: 1_795_430_000, media: [("pic.png", picture)])
        let used = try AnkiPackageReader().read(base, mediaFolder: extracted)
        #expect(used.mediaBytes == 5000)
        #expect(try Data(contentsOf: try #require(used.media["pic.png"])) == Data(repeating: 7, count: 5000))
    }
}
