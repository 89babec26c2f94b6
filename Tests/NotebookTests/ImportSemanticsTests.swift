import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Storage
import Testing

/// A notebook in a temporary home with a movable, fixed clock.
final class TestNotebook: @unchecked Sendable {  // mutated by one test at a time
    let home: TemporaryFolder
    let decks: TemporaryFolder
    var now: Date
    private(set) var notebook: Notebook!

    init(now: String = "2026-11-23T10:00:00Z") throws {
        home = try TemporaryFolder("recall-home")
        decks = try TemporaryFolder("recall-decks")
        self.now = try #require(ISO8601DateFormatter().date(from: now))
        try reopen()
    }

    func reopen() throws {
        let env = RecallEnvironment(
            home: home.url, now: { [unowned self] in self.now }, calendar: .init(timeZone: .gmt)
        )
        notebook = try Notebook(env)
    }

    func advance(days: Int) { now = now.addingTimeInterval(Double(days) * 86_400) }

    func importDecks() throws -> ImportReport { try notebook.importDecks([decks.url]) }

    deinit {
        home.remove()
        decks.remove()
    }
}

@Suite("Import semantics")
struct ImportSemanticsTests {
    @Test("idempotent; edited → updated with history; vanished → removed; back → restored")
    func lifecycle() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try t.decks.write("d/a.md", "## One {#one}\nfirst\n\n## Two {#two}\nsecond\n")
        var report = try t.importDecks()
        #expect(report.counts.added == 2)
        #expect(report.errors.isEmpty)
        report = try t.importDecks()
        #expect(
            report.counts
                == {
                    var c = ImportCounts(); c.unchanged = 2; return c
                }())

        let one = CardKey(deck: "d", id: "one")
        _ = try t.notebook.answer(one, grade: Grade(rawValue: 5)!)
        try t.decks.write("d/a.md", "## One, reworded {#one}\nfirst, better\n\n## Two {#two}\nsecond\n")
        report = try t.importDecks()
        #expect(report.counts.updated == 1)
        #expect(try t.notebook.show(one).history.count == 1)
        #expect(try t.notebook.show(one).card.front == "One, reworded")

        // Moved to another file: same card, history kept, nothing removed.
        try t.decks.write("d/a.md", "## Two {#two}\nsecond\n")
        try t.decks.write("d/b.md", "## One, reworded {#one}\nfirst, better\n")
        report = try t.importDecks()
        #expect(report.counts.removed == 0)
        #expect(try t.notebook.show(one).card.sourceFile.hasSuffix("d/b.md"))

        try FileManager.default.removeItem(at: t.decks.url.appendingPathComponent("d/b.md"))
        report = try t.importDecks()
        #expect(report.counts.removed == 1)
        #expect(try t.notebook.show(one).stored.removed)
        #expect(try t.notebook.dueQueue().allSatisfy { $0.card != one })

        try t.decks.write("d/b.md", "## One, reworded {#one}\nfirst, better\n")
        report = try t.importDecks()
        #expect(report.counts.restored == 1)
        let back = try t.notebook.show(one)
        #expect(!back.stored.removed)
        #expect(back.history.count == 1)
        #expect(back.state?.repetitions == 1)
    }

    @Test("a file with errors imports its valid cards and marks nothing removed")
    func errorsRemoveNothing() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write("d/a.md", "## One {#one}\nfirst\n\n## Two {#two}\nsecond\n")
        _ = try t.importDecks()
        // "two" loses its answer (an error) and "one" is edited: one is updated, two is kept.
        try t.decks.write("d/a.md", "## One {#one}\nfirst!\n\n## Two {#two}\n")
        let report = try t.importDecks()
        #expect(
            report.errors.map(\.description).contains {
                $0.hasSuffix("d/a.md:4: card 'two' 'Two' has an empty answer; write it below the heading")
            })
        #expect(report.counts.updated == 1)
        #expect(report.counts.removed == 0)
        #expect(try !t.notebook.show(CardKey(deck: "d", id: "two")).stored.removed)
    }
}

@Suite("Import of changed files")
struct PartialImportTests {
    @Test("a changed file re-reads its whole deck: the result is that of a full import")
    func changedFilesOnly() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write("d/a.md", "## A1 {#a1}\nx\n\n## A2 {#a2}\ny\n")
        try t.decks.write("d/b.md", "## B1 {#b1}\nz\n")
        try t.decks.write("d/c.md", "## C1 {#c1}\nw\n")
        _ = try t.importDecks()
        try t.decks.write("d/a.md", "## A1 {#a1}\nx, edited\n")  // a2 dropped, a1 edited
        try FileManager.default.removeItem(at: t.decks.url.appendingPathComponent("d/b.md"))
        try t.decks.write("d/e.md", "## E1 {#e1}\nnew\n")
        try t.decks.write("d/c.md", "## C1 {#c1}\nchanged but not named\n")
        let names = ["d/a.md", "d/b.md", "d/e.md"].map { t.decks.url.appendingPathComponent($0) }
        let report = try t.notebook.importChanges(names, within: t.decks.url)
        #expect(report.errors.isEmpty)
        #expect(report.counts.updated == 2)  // a1, and c1 although its file was not named
        #expect(report.counts.removed == 2)  // a2 and b1
        #expect(report.counts.added == 1)
        #expect(report.counts.unchanged == 0)
        #expect(try t.notebook.show(CardKey(deck: "d", id: "c1")).card.back == "changed but not named")
        #expect(try !t.notebook.show(CardKey(deck: "d", id: "c1")).stored.removed)
        #expect(try t.notebook.show(CardKey(deck: "d", id: "b1")).stored.removed)
    }
}

@Suite("Event log and refold")
struct EventLogTests {
    @Test("stored state equals the refold of the log after random grades, drills and undos", arguments: 0..<5)
    func stateIsFold(seed: Int) throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write("d/a.md", (1...8).map { "## Q\($0) {#q\($0)}\nA\($0)\n" }.joined(separator: "\n"))
        _ = try t.importDecks()
        var rng = SystemRandomNumberGenerator()
        _ = seed
        for _ in 0..<25 {
            for entry in try t.notebook.dueQueue() where Bool.random(using: &rng) {
                let grade = Grade(rawValue: Int.random(in: 0...5, using: &rng))!
                let before = try t.notebook.show(entry.card).state
                _ = try t.notebook.answer(entry.card, grade: grade)
                if Int.random(in: 0..<6, using: &rng) == 0 {
                    let undone = try t.notebook.undo()
                    #expect(undone.event?.card == entry.card)
                    #expect(try t.notebook.show(entry.card).state == before)  // undo restores exactly
                }
            }
            t.advance(days: Int.random(in: 1...4, using: &rng))
        }
        #expect(try t.notebook.checkHealth().inconsistent == [])
        let snapshot = try t.notebook.cards().map { try t.notebook.show($0).state }
        try t.notebook.refold()
        #expect(try t.notebook.cards().map { try t.notebook.show($0).state } == snapshot)
    }

    @Test("re-drills: a grade below 4 brings the card back today until it gets 4 or 5")
    func redrill() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write("d/a.md", "## Q {#q}\nA\n")
        _ = try t.importDecks()
        let q = CardKey(deck: "d", id: "q")
        let first = try t.notebook.answer(q, grade: Grade(rawValue: 3)!)
        #expect(first.event.kind == .review)
        #expect(try t.notebook.dueQueue().map(\.queue) == [.drill])
        let drill = try t.notebook.answer(q, grade: Grade(rawValue: 2)!)
        #expect(drill.event.kind == .drill)
        #expect(drill.state == first.state)
        _ = try t.notebook.answer(q, grade: Grade(rawValue: 4)!)
        #expect(try t.notebook.dueQueue().isEmpty)
        #expect(throws: StorageError.self) { try t.notebook.answer(q, grade: Grade(rawValue: 5)!) }
    }

    @Test("the daily new-card limit holds across the day")
    func newLimit() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\nnew_per_day: 3\n")
        try t.decks.write("d/a.md", (1...10).map { "## Q\($0) {#q\($0)}\nA\n" }.joined(separator: "\n"))
        _ = try t.importDecks()
        #expect(try t.notebook.dueQueue().count == 3)
        _ = try t.notebook.answer(CardKey(deck: "d", id: "q1"), grade: Grade(rawValue: 5)!)
        #expect(try t.notebook.dueQueue().map(\.card.id) == ["q2", "q3"])
        t.advance(days: 1)
        #expect(try t.notebook.dueQueue().map(\.card.id) == ["q1", "q2", "q3", "q4"])
    }

    @Test("search finds Chinese and English terms, short and long")
    func search() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write(
            "d/a.md",
            "## 旋转位置编码 (RoPE) 是什么？ {#rope}\n用旋转表示相对位置。\n\n## What does a KV Cache store? {#kv}\nKeys and values of past tokens.\n\n## LoRA 的原理 {#lora}\n低秩适配：W + BA。\n"
        )
        _ = try t.importDecks()
        #expect(try t.notebook.search("位置编码").map(\.card.id) == ["rope"])
        #expect(try t.notebook.search("位置").map(\.card.id) == ["rope"])
        #expect(try t.notebook.search("lora").map(\.card.id) == ["lora"])
        #expect(try t.notebook.search("KV Cache").map(\.card.id) == ["kv"])
        #expect(try t.notebook.search("低秩").map(\.card.id) == ["lora"])
        #expect(try t.notebook.search("nothing-like-this").isEmpty)
    }
}

@Suite("Search ids")
struct SearchIDTests {
    @Test("searchIDs finds the same cards as search, without removed ones")
    func sameAsSearch() throws {
        let t = try TestNotebook()
        try t.decks.write("d/deck.yaml", "deck: d\n")
        try t.decks.write(
            "d/a.md",
            "## KV Cache 是什么 {#kv}\n缓存 key 和 value。\n\n## LoRA {#lora}\n低秩适配。\n\n## LoRA again {#lora2}\n低秩。\n")
        _ = try t.importDecks()
        for term in ["LoRA", "低秩", "KV Cache", "缓存 key", "nothing"] {
            #expect(try t.notebook.countMatches(term) == t.notebook.search(term, limit: 100).count, "\(term)")
        }
        try t.decks.write("d/a.md", "## KV Cache 是什么 {#kv}\n缓存 key 和 value。\n\n## LoRA {#lora}\n低秩适配。\n")
        _ = try t.importDecks()
        #expect(try t.notebook.countMatches("LoRA") == 1)
    }
}
