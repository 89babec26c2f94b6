import Foundation
import RecallCore
import Scheduler
import Storage
import Testing

@Suite("Reading the notebook")
struct QueryTests {
    @Test("decks counts each deck's cards, new ones and due ones; a deck whose cards are all removed is gone")
    func decks() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b", "c"])
        try f.importDeck("e", cards: ["x"])
        try f.answer("d/a", 5)
        let days = try f.store.decks(day: f.today)
        #expect(days.map(\.deck) == ["d", "e"])
        #expect(days[0].title == "Deck d" && days[0].total == 3 && days[0].new == 2 && days[0].due == 0)
        #expect(try f.store.decks(day: f.today.advanced(by: 1))[0].due == 1)
        try f.store.apply([try f.deck("e", cards: [], file: "cards.md")])
        #expect(try f.store.decks(day: f.today).map(\.deck) == ["d"])
    }

    @Test("card gives a card with kind, tags and schedule; nil when unknown")
    func card() throws {
        let f = try StoreFixture()
        try f.decks.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try f.decks.write("d/cards.md", "## Tagged {#t}\ntags: one, two\nAnswer\n")
        try f.store.apply([try f.scan("d")])
        let stored = try #require(try f.store.card(f.key("d/t")))
        #expect(stored.card.kind == .note)
        #expect(stored.card.tags == ["one", "two"])
        #expect(stored.card.back == "Answer")
        #expect(try f.store.card(f.key("d/nothing")) == nil)
    }

    @Test("cards lists keys in deck order, one deck or all; idContaining finds live ones by id")
    func cardLists() throws {
        let f = try StoreFixture()
        try f.importDeck("e", cards: ["z", "y"])
        try f.importDeck("d", cards: ["b", "a-conflict-1", "c"])
        #expect(try f.store.cards().map(\.description) == ["d/b", "d/a-conflict-1", "d/c", "e/z", "e/y"])
        #expect(try f.store.cards(deck: "e").map(\.description) == ["e/z", "e/y"])
        #expect(try f.store.cards(idContaining: "-conflict-") == [f.key("d/a-conflict-1")])
        try f.importDeck("d", cards: ["b", "c"])
        #expect(try f.store.cards(idContaining: "-conflict-").isEmpty)
    }

    @Test("search needs every word, puts question matches first, handles short words and quotes")
    func search() throws {
        let f = try StoreFixture()
        try f.decks.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try f.decks.write(
            "d/cards.md",
            "## 什么是 KV 存储 {#kv}\n键值存储\n\n## Hash tables {#hash}\nA KV store uses \"buckets\"\n\n"
                + "## Trees {#tree}\nbalanced\n")
        try f.store.apply([try f.scan("d")])
        #expect(try f.store.search("KV").map(\.card.id) == ["kv", "hash"])
        #expect(try f.store.search("存储").map(\.card.id) == ["kv"])
        #expect(try f.store.search("store \"buckets").map(\.card.id) == ["hash"])
        #expect(try f.store.search("KV", limit: 1).map(\.card.id) == ["kv"])
        #expect(try f.store.search("trees nothing-like-it").isEmpty)
        #expect(try f.store.search("  ").isEmpty)
        #expect(try f.store.search("KV").first?.front == "什么是 KV 存储")
        #expect(try Set(f.store.searchIDs("KV")).count == 2)
        #expect(try f.store.searchIDs("balanced").count == 1)
        try f.importDeck("d", cards: [])
        #expect(try f.store.searchIDs("KV").isEmpty)
    }

    @Test("the queue candidates, read in one transaction, make the policy's queue from a real database")
    func queueCandidates() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b", "c", "d"], newPerDay: 2)
        try f.importDeck("e", cards: ["x", "y"])
        let yesterday = f.today.advanced(by: -1)
        try f.answer("d/a", 5, on: yesterday)  // due today
        try f.answer("d/b", 5, on: yesterday)
        try f.answer("d/b", 2, early: true)  // reviewed again today with 2: a pending re-drill
        try f.answer("d/c", 5)  // introduced today: deck d may bring one more new card
        let queue = try f.store.readingQueueCandidates { try QueuePolicy(newPerDay: 20).queue(day: f.today, from: $0) }
        #expect(queue.map(\.card.description) == ["d/b", "d/a", "d/d", "e/x", "e/y"])
        #expect(queue.map(\.queue) == [.drill, .review, .new, .new, .new])
        try f.store.readingQueueCandidates { (candidates: any QueueCandidates) throws in
            #expect(try candidates.introducedCount(on: yesterday, deck: nil) == 2)
            #expect(try candidates.introducedCount(on: yesterday, deck: "e") == 0)
            #expect(try candidates.newCardDecks(scope: .all).map(\.newPerDay) == [2, nil])
            #expect(try candidates.newCardDecks(scope: CardScope(decks: ["e", "zz"])).map(\.deck) == ["e"])
            #expect(try candidates.introducedCount(on: f.today, deck: "d") == 1)
            #expect(try candidates.newCards(deck: "d", tag: nil, limit: 5, on: StudyDay(ordinal: 0)) == [f.key("d/d")])
            #expect(try candidates.newCards(deck: "e", tag: nil, limit: 1, on: StudyDay(ordinal: 0)) == [f.key("e/x")])
            #expect(try candidates.dueCards(through: f.today, scope: CardScope(deck: "e"), limit: nil).isEmpty)
            #expect(try candidates.dueCards(through: f.today, scope: .all, limit: nil).map(\.card) == [f.key("d/a")])
            #expect(try candidates.events(on: f.today, scope: CardScope(deck: "d")).map(\.card.id) == ["b", "c"])
            #expect(try candidates.events(on: f.today, scope: CardScope(decks: ["e"])).isEmpty)
        }
    }

    @Test("statsSnapshot reads cards with their state and events in fold order, of one deck or all")
    func statsSnapshot() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.importDeck("dd", cards: ["c"])
        try f.answer("d/a", 3)
        try f.answer("d/a", 5)
        try f.answer("dd/c", 4)
        let all = try f.store.statsSnapshot()
        #expect(all.cards.map(\.key.description) == ["d/a", "d/b", "dd/c"])
        #expect(all.cards[0].state == (try f.store.card(f.key("d/a"))?.state))
        #expect(all.cards[1].state == nil && all.cards[1].front == "Question b")
        #expect(all.events.map(\.kind) == [.review, .drill, .review])
        let one = try f.store.statsSnapshot(deck: "d")
        #expect(one.cards.count == 2)
        #expect(one.events == Array(all.events.prefix(2)))
    }
}
