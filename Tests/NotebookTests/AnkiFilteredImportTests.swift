import AnkiPackage
import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Storage
import Testing
import ZIPFoundation

/// Cards in an Anki filtered deck, including rows no Anki writes (issue 18: schedules kept).
@Suite("Anki import: filtered decks")
struct AnkiFilteredImportTests {
    typealias Base = AnkiStateImportTests

    /// A package Recall's writer makes, then edited with sqlite3 as Anki would leave it after
    /// building a filtered deck (id 99, `dyn` 1) — and as no Anki would (an `odid` naming no deck).
    static func package(in folder: URL) throws -> URL {
        func card(_ id: Int64, note: Int64, due: Int64) -> AnkiCard {
            AnkiCard(
                id: id, noteID: note, deckID: 42, ordinal: 0, modified: Base.creation, type: .review, queue: 2,
                due: due, interval: 5, factor: 2450, repetitions: 3, lapses: 1)
        }
        let collection = AnkiCollection(
            creation: Base.creation, decks: [AnkiDeck(id: 42, name: "Home")], noteTypes: [Base.basic],
            notes: [Base.note(1, "moved"), Base.note(2, "due-kept"), Base.note(3, "lost-home"), Base.note(4, "home")],
            cards: [
                card(10, note: 1, due: 30), card(20, note: 2, due: 24), card(30, note: 3, due: 25),
                card(40, note: 4, due: 26),
            ])
        let written = folder.appendingPathComponent("written.apkg")
        try AnkiPackageWriter.write(collection, to: written, now: Base.creation)
        let database = folder.appendingPathComponent("collection.anki2")
        let archive = try Archive(url: written, accessMode: .read)
        _ = try archive.extract(try #require(archive["collection.anki2"]), to: database)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            database.path,
            """
            UPDATE col SET decks = json_set(decks, '$.99', json('{"id": 99, "name": "Cram", "dyn": 1}'));
            UPDATE cards SET odid = 42, odue = 30, did = 99, due = -100000 WHERE id = 10;
            UPDATE cards SET odid = 42, odue = 0, did = 99, due = 24 WHERE id = 20;
            UPDATE cards SET odid = 777, odue = 25, did = 99, due = -99999 WHERE id = 30;
            """,
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let package = folder.appendingPathComponent("filtered.apkg")
        try Archive(url: package, accessMode: .create).addEntry(with: "collection.anki2", fileURL: database)
        return package
    }

    @Test("the reader gives each card its home deck and due, and leaves filtered decks out")
    func readHome() throws {
        let folder = try TemporaryFolder("anki-pkg")
        defer { folder.remove() }
        let read = try AnkiPackageReader().read(try Self.package(in: folder.url)).collection
        #expect(!read.decks.contains { $0.id == 99 })
        #expect(read.decks.contains { $0.id == 42 })
        let cards = Dictionary(read.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(cards[10]?.deckID == 42 && cards[10]?.due == 30)
        #expect(cards[20]?.deckID == 42 && cards[20]?.due == 24)
        #expect(cards[30]?.deckID == 777 && cards[30]?.due == 25)
        #expect(cards[40]?.deckID == 42 && cards[40]?.due == 26)
    }

    @Test(
        "an import puts a filtered card in its home deck with its home schedule; one whose home deck is missing goes to Default, as a card whose deck is missing does"
    )
    func importHome() throws {
        let t = try TestNotebook(now: "2026-11-23T10:00:00Z")
        let report = try #require(try t.notebook.importPaths([try Self.package(in: t.decks.url)]).packages.first)
        #expect(report.skipped.isEmpty, "\(report.skipped)")
        let decks = try t.notebook.decks()
        #expect(Set(decks.map(\.title)) == ["Home", "Default"], "\(decks)")
        let home = try #require(decks.first { $0.title == "Home" }).deck
        let fallback = try #require(decks.first { $0.title == "Default" }).deck
        let nov1 = StudyDay(year: 2026, month: 11, day: 1)
        for (deck, id, due) in [
            (home, "moved", 30), (home, "due-kept", 24), (fallback, "lost-home", 25), (home, "home", 26),
        ] {
            let shown = try t.notebook.show(CardKey(deck: deck, id: id))
            #expect(shown.state?.due == nov1.advanced(by: due), "\(id)")
            #expect(shown.state?.interval == 5 && shown.state?.ef100 == 245 && shown.state?.lapses == 1, "\(id)")
        }
    }
}
