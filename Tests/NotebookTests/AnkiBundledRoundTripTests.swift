import AnkiPackage
import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import Notebook

/// Issue 18, point 6: Recall imports its own Anki export of the bundled decks, every card as it was.
@Suite("Bundled decks through an Anki package")
struct AnkiBundledRoundTripTests {
    @Test("export of Decks/ → import into a fresh notebook: every card's Markdown, kind and tags byte-identical")
    func bundledDecks() throws {
        let source = try TestNotebook()
        let copy = source.decks.url.appendingPathComponent("Decks")
        try FileManager.default.copyItem(at: BundledDeckTests.decks, to: copy)
        #expect(try source.notebook.importDecks([copy], writeIDs: false).errors.isEmpty)
        let package = source.decks.url.appendingPathComponent("all.apkg")
        _ = try source.notebook.exportAnki(to: package)

        let target = try TestNotebook()
        let report = try target.notebook.importAnki(package)
        #expect(report.refusedDecks.isEmpty, "\(report.refusedDecks)")
        #expect(Set(report.decks) == ["coding", "llm-interview", "sample"])
        let keys = try source.notebook.cards()
        #expect(keys.contains { $0.deck == "coding" })
        #expect(try target.notebook.cards().sorted() == keys.sorted())
        for key in keys {
            let original = try source.notebook.show(key).card
            let copy = try target.notebook.show(key).card
            #expect(copy.front == original.front, "\(key) front")
            #expect(copy.back == original.back, "\(key) back")
            #expect(copy.kind == original.kind, "\(key) kind")
            #expect(copy.tags == original.tags, "\(key) tags")
        }
        // The exercises are folders again, with the files they were exported with.
        let twoSum = target.home.url.appendingPathComponent("decks/coding/two-sum")
        for name in ["exercise.yaml", "prompt.md", "solution.py"] {
            #expect(
                try Data(contentsOf: twoSum.appendingPathComponent(name))
                    == Data(contentsOf: copy.appendingPathComponent("coding/two-sum/\(name)")), "\(name)")
        }
    }

    @Test("a deck that does not read back is left out with its reason; the package's other decks are written")
    func oneDeckFails() throws {
        let home = try TemporaryFolder("recall-anki-decks")
        defer { home.remove() }
        func card(_ deck: String, _ id: String, front: String) -> AnkiImportPlan.PlannedCard {
            .init(key: CardKey(deck: deck, id: id), front: front, back: "answer", tags: [])
        }
        var plan = AnkiImportPlan(device: "test", creation: 0)
        plan.decks = [
            .init(id: "broken", title: "Broken", cards: [card("broken", "a", front: "two\n## lines")]),
            .init(id: "fine", title: "Fine", cards: [card("fine", "b", front: "one line")]),
        ]
        let (folders, refused) = try plan.writeDecks(into: home.url, packageName: "p.apkg")
        #expect(folders.map(\.lastPathComponent) == ["fine"])
        #expect(refused.map(\.deck) == ["broken"])
        #expect(refused.first?.reason.contains("read back") == true, "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("broken").path))
    }

    // Issue 18, point 9, through a deck file: the converted Markdown is written as a card of a
    // Markdown deck, read back, and rendered for Anki again.
    @Test("an Anki note's {#id}, tags: line, 2*3*4, [x](y) and formula come back as they were in Anki")
    func fieldsThroughADeckFile() throws {
        let t = try TestNotebook()
        let basic = AnkiNoteType(
            id: 7, name: "Basic", kind: .standard, fields: ["Front", "Back"],
            templates: [.init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr>{{Back}}")])
        let front = "What does {#id} do to 2*3*4 and [x](not a link)?"
        let back = "tags: none here, \\(\\frac{a_1}{b}\\) and n<sup>2</sup>"
        let collection = AnkiCollection(
            creation: 1_795_406_400, decks: [AnkiDeck(id: 42, name: "Text")], noteTypes: [basic],
            notes: [
                AnkiNote(
                    id: 100, guid: "note", noteTypeID: 7, modified: 1_795_430_000, tags: [], fields: [front, back])
            ],
            cards: [
                AnkiCard(
                    id: 200, noteID: 100, deckID: 42, ordinal: 0, modified: 1_795_430_000, type: .new, queue: 0,
                    due: 1, interval: 0, factor: 0, repetitions: 0, lapses: 0)
            ])
        let package = t.decks.url.appendingPathComponent("text.apkg")
        try AnkiPackageWriter.write(collection, to: package, now: 1_795_430_000)
        let report = try t.notebook.importAnki(package)
        let deck = try #require(report.decks.first)  // the deck's name and a hash of its Anki id
        let card = try t.notebook.show(CardKey(deck: deck, id: "note")).card
        #expect(card.front == "What does {\\#id} do to 2\\*3\\*4 and \\[x](not a link)?")
        #expect(card.back == "tags\\: none here, \\(\\frac{a_1}{b}\\) and n<sup>2</sup>")
        #expect(AnkiHTML.html(fromMarkdown: card.front) == front)
        #expect(AnkiHTML.html(fromMarkdown: card.back) == back)
    }

    // A hostile (or damaged) package: the Markdown kept for one note brings a card heading of
    // its own, so its deck does not read back as planned. The package's other deck is imported.
    @Test("a package whose one deck does not read back imports its other decks and names the failing one")
    func onePackageDeckFails() throws {
        let source = try TestNotebook()
        try source.decks.write("a/deck.yaml", "deck: a\ntitle: A\n")
        try source.decks.write("a/cards.md", "## Question A {#qa}\n\nAnswer A.\n")
        try source.decks.write("b/deck.yaml", "deck: b\ntitle: B\n")
        try source.decks.write("b/cards.md", "## Question B {#qb}\n\nAnswer B.\n")
        #expect(try source.importDecks().errors.isEmpty)
        let package = source.decks.url.appendingPathComponent("two.apkg")
        _ = try source.notebook.exportAnki(to: package)

        var collection = try AnkiPackageReader().read(package).collection
        var saved = try #require(RecallPackageData.decode(collection.recallData))
        saved.notes["a/qa"]?.back = "Answer A.\n\n## Injected {#evil}\n\nmore"
        collection.recallData = saved.encoded()
        let edited = source.decks.url.appendingPathComponent("edited.apkg")
        try AnkiPackageWriter.write(collection, to: edited, now: 1_795_430_000)

        let target = try TestNotebook()
        let report = try target.notebook.importAnki(edited)
        #expect(report.decks == ["b"])
        #expect(report.refusedDecks.map(\.deck) == ["a"])
        #expect(report.refusedDecks.first?.reason.contains("read instead: evil") == true, "\(report.refusedDecks)")
        #expect(try target.notebook.cards() == [CardKey(deck: "b", id: "qb")])
    }
}
