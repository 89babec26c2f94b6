import Foundation
import RecallCore
import Storage
import Testing

@Suite("Applying scanned decks")
struct ImportTests {
    func counts(added: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0, restored: Int = 0)
        -> ImportCounts
    {
        var c = ImportCounts()
        c.added = added
        c.updated = updated
        c.unchanged = unchanged
        c.removed = removed
        c.restored = restored
        return c
    }

    @Test("new cards are added and searchable; a second apply changes nothing")
    func addThenUnchanged() throws {
        let f = try StoreFixture()
        #expect(try f.importDeck("d", cards: ["a", "b"]) == counts(added: 2))
        #expect(try f.importDeck("d", cards: ["a", "b"]) == counts(unchanged: 2))
        #expect(try f.store.search("Question b").map(\.card) == [f.key("d/b")])
        let stored = try #require(try f.store.card(f.key("d/a")))
        #expect(stored.card.front == "Question a" && stored.card.back == "Answer a")
        #expect(stored.card.sourceLine == 1 && !stored.removed && stored.state == nil)
    }

    @Test("an edited card is updated with its history and search index; a reordered one only moves")
    func updateAndMove() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.answer("d/a", 5)
        try f.decks.write("d/cards.md", "## Question b {#b}\nAnswer b\n\n## Reworded {#a}\nAnswer a\n")
        #expect(try f.store.apply([try f.scan("d")]) == counts(updated: 1, unchanged: 1))
        #expect(try f.store.cards(deck: "d") == [f.key("d/b"), f.key("d/a")])
        #expect(try f.store.card(f.key("d/a"))?.card.sourceLine == 4)
        #expect(try f.store.card(f.key("d/a"))?.state != nil)
        #expect(try f.store.search("Reworded").map(\.card) == [f.key("d/a")])
        #expect(try f.store.search("Question").map(\.card) == [f.key("d/b")])
    }

    @Test("a vanished card is removed (history kept) and restored when it comes back")
    func removeAndRestore() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.answer("d/b", 4)
        #expect(try f.importDeck("d", cards: ["a"]) == counts(unchanged: 1, removed: 1))
        #expect(try f.store.card(f.key("d/b"))?.removed == true)
        #expect(try f.store.cards(deck: "d") == [f.key("d/a")])
        #expect(try f.store.cards(deck: "d", includeRemoved: true).count == 2)
        #expect(try f.importDeck("d", cards: ["a", "b"]) == counts(unchanged: 1, restored: 1))
        #expect(try f.store.history(of: f.key("d/b")).count == 1)
    }

    @Test("a deck read with errors removes nothing")
    func dirtyDeckRemovesNothing() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.decks.write("d/cards.md", "## Question a {#a}\nAnswer a\n\n## Question b {#b}\n")
        let deck = try f.scan("d")
        #expect(!deck.isClean)
        #expect(try f.store.apply([deck]).removed == 0)
        #expect(try f.store.card(f.key("d/b"))?.removed == false)
    }

    @Test("a deck renamed in its deck.yaml replaces the old one; the old deck's cards are removed")
    func renamedDeck() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        try f.decks.write("d/deck.yaml", "deck: e\ntitle: Renamed\n")
        #expect(try f.store.apply([try f.scan("d")]) == counts(added: 1, removed: 1))
        #expect(try f.store.decks(day: f.today).map(\.deck) == ["e"])
    }

    @Test("vanished files and removeCards(under:) mark their cards removed")
    func vanishedFilesAndFolders() throws {
        let f = try StoreFixture()
        let d = try f.deck("d", cards: ["a"])
        let e = try f.deck("e", cards: ["b"])
        try f.store.apply([d, e])
        let file = try #require(d.cards.first?.card.sourceFile)
        #expect(try f.store.apply([], vanishedFiles: [file, "/elsewhere.md"]) == counts(removed: 1))
        #expect(try f.store.card(f.key("d/a"))?.removed == true)
        let folder = try #require(e.cards.first.map { URL(fileURLWithPath: $0.card.sourceFile) })
            .deletingLastPathComponent().path
        #expect(try f.store.removeCards(under: folder + "-other") == 0)
        #expect(try f.store.removeCards(under: folder) == 1)
        #expect(try f.store.removeCards(under: folder + "/") == 0)
        #expect(try f.store.cards().isEmpty)
    }
}
