import Foundation
import RecallTestSupport
import Testing

@Suite("recall deck remove")
struct DeckRemoveCommandTests {
    func run(_ arguments: [String], _ home: TemporaryFolder, on day: String = "2026-11-23") throws
        -> RecallProcess.Result
    {
        // `--home` goes last: `deck remove` and `source add` are subcommands of subcommands.
        try RecallProcess.run(arguments + ["--home", home.path], home: nil, now: day + "T10:00:00Z")
    }

    func listedDecks(_ home: TemporaryFolder) throws -> [String] {
        let decks = try run(["decks", "--json"], home).json["decks"] as? [[String: Any]]
        return (decks ?? []).compactMap { $0["deck"] as? String }
    }

    func due(_ home: TemporaryFolder, on day: String = "2026-11-23") throws -> [String] {
        let result = try run(["due", "--json"], home, on: day)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
    }

    /// Decks d (q1 … q3) and e (one card), q1 graded twice and q2 suspended.
    func notebook() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let (home, decks) = try homeWithDeck()
        try decks.write("e/deck.yaml", "deck: e\ntitle: Other\n")
        try decks.write("e/cards.md", "## Other question {#o1}\nAnswer.\n")
        #expect(try run(["import", decks.path + "/e"], home).status == 0)
        #expect(try run(["answer", "d/q1", "5"], home, on: "2026-11-20").status == 0)
        #expect(try run(["answer", "d/q1", "4"], home, on: "2026-11-21").status == 0)
        #expect(try run(["suspend", "d/q2"], home, on: "2026-11-21").status == 0)
        return (home, decks)
    }

    @Test("the cards leave every list and queue, the files stay; importing them again restores the history")
    func removeThenRestore() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        let before = try run(["show", "d/q1", "--json"], home).json
        #expect(try due(home, on: "2026-11-30") == ["d/q1", "d/q3", "e/o1"])

        let removed = try run(["deck", "remove", "d"], home)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("3 card(s) marked removed, history kept"), "\(removed.stdout)")
        #expect(removed.stdout.contains(decks.path + "/d"))
        #expect(FileManager.default.fileExists(atPath: decks.path + "/d/cards.md"))

        #expect(try listedDecks(home) == ["e"])
        #expect(try due(home, on: "2026-11-30") == ["e/o1"])
        let cards = try run(["cards", "--json"], home).json["cards"] as? [[String: Any]]
        #expect(cards?.compactMap { $0["card"] as? String } == ["e/o1"])
        #expect(try run(["answer", "d/q1", "5"], home, on: "2026-11-30").status == 1)
        #expect(try run(["suspend", "q3"], home).status == 1)
        let show = try run(["show", "d/q1", "--json"], home).json
        #expect(show["removed"] as? Bool == true && (show["history"] as? [Any])?.count == 2)
        let doctor = try run(["doctor"], home)
        #expect(doctor.status == 0, "\(doctor.stdout)")

        let again = try run(["deck", "remove", "d"], home)
        #expect(again.status == 1 && again.stderr.contains("no deck 'd'"), "\(again.stderr)")
        let listed = try run(["cards", "--deck", "d"], home)
        #expect(listed.status == 1 && listed.stderr.contains("no deck 'd'"), "\(listed.stderr)")

        let imported = try run(["import", decks.path + "/d", "--json"], home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.json["restored"] as? Int == 3 && imported.json["added"] as? Int == 0)
        #expect(try listedDecks(home) == ["d", "e"])
        let restored = try run(["show", "d/q1", "--json"], home).json
        #expect(restored["removed"] as? Bool == false)
        #expect(restored["history"] as? [[String: AnyHashable]] == before["history"] as? [[String: AnyHashable]])
        #expect(restored["state"] as? [String: AnyHashable] == before["state"] as? [String: AnyHashable])
        #expect(try run(["show", "d/q2", "--json"], home).json["suspended"] as? Bool == true)
        #expect(try due(home, on: "2026-11-30") == ["d/q1", "d/q3", "e/o1"])
        #expect(try run(["doctor"], home).status == 0)
    }

    @Test("--json reports the deck, the count and where the files are, not deleted")
    func json() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        let result = try run(["deck", "remove", "e", "--json"], home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.json["deck"] as? String == "e" && result.json["removed"] as? Int == 1)
        #expect(result.json["files"] as? String == decks.path + "/e")
        #expect(result.json["files_deleted"] as? Bool == false)
        #expect(try listedDecks(home) == ["d"])
    }

    @Test("a deck without cards is removed from the list too")
    func emptyDeck() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        try decks.write("empty/deck.yaml", "deck: empty\ntitle: Nothing yet\n")
        #expect(try run(["import", decks.path + "/empty"], home).status == 0)
        #expect(try listedDecks(home) == ["d", "empty"])
        let result = try run(["deck", "remove", "empty", "--json"], home)
        #expect(result.status == 0 && result.json["removed"] as? Int == 0, "\(result.stderr)")
        #expect(try listedDecks(home) == ["d"])
    }

    @Test("an unknown deck, or none named, is refused and nothing changes")
    func badInput() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        let unknown = try run(["deck", "remove", "zz"], home)
        #expect(unknown.status == 1 && unknown.stderr.contains("no deck 'zz'"), "\(unknown.stderr)")
        let missing = try run(["deck", "remove"], home)
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(try listedDecks(home) == ["d", "e"])
    }

    @Test("a deck that came from a source is refused, pointing at `recall source remove`")
    func sourceDeck() throws {
        let root = try TemporaryFolder("recall-deck-source")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(
            in: root, files: ["team/deck.yaml": "deck: team\n", "team/cards.md": "## Shared {#s1}\nAnswer.\n"])
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let added = try run(["source", "add", "file://" + remote.path, "--name", "shared"], home)
        #expect(added.status == 0, "\(added.stderr)")
        let refused = try run(["deck", "remove", "team"], home)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("source 'shared'") && refused.stderr.contains("recall source remove shared"))
        #expect(try listedDecks(home) == ["team"])
        #expect(try due(home) == ["team/s1"])
    }
}
