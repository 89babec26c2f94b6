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
        var plan = AnkiImportPlan(device: "test")
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
}
