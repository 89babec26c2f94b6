import Foundation
import RecallTestSupport
import Testing

/// Issue 14: limits on what strangers send, through the real `recall` (docs/LIMITS.md). Each is
/// tried at the limit (accepted) and one past it (refused by name, exit 1, nothing else lost).
@Suite("Input limits through the CLI")
struct InputLimitsTests {
    /// A review event of device `evil` for card `p/c1`, padded with spaces inside the object to
    /// exactly `bytes` bytes (still valid JSON).
    static func eventLine(seq: Int, bytes: Int) -> String {
        let body =
            #"{"card":"p/c1","day":"2026-11-20","device":"evil","duration_ms":1000,"grade":4,"id":"evil:\#(seq)","kind":"review","seq":\#(seq),"ts":1763631000000"#
        return body + String(repeating: " ", count: bytes - body.utf8.count - 1) + "}"
    }

    @Test("a progress line of 4,096 bytes is imported; one of 4,097 is skipped with file:line, and sync exits 1")
    func progressLineLength() throws {
        let root = try TemporaryFolder("recall-progress-limit")
        defer { root.remove() }
        try root.write("decks/p/deck.yaml", "deck: p\n")
        try root.write("decks/p/cards.md", "## Question {#c1}\nAnswer.\n")
        let lines = [Self.eventLine(seq: 1, bytes: 4_096), Self.eventLine(seq: 2, bytes: 4_097)]
        #expect(lines.map(\.utf8.count) == [4_096, 4_097])
        let remote = try GitCLI.bareRemote(
            in: root, name: "progress", files: ["events/evil.jsonl": lines.joined(separator: "\n") + "\n"])
        let home = root.path + "/home"
        #expect(try RecallProcess.run(["import", root.path + "/decks/p"], home: home).status == 0)
        let set = try RecallProcess.run(["progress", "remote", "file://" + remote.path, "--home", home], home: nil)
        #expect(set.status == 0, "\(set.stderr)")

        let sync = try RecallProcess.run(["sync", "--json"], home: home)
        #expect(sync.status == 1, "\(sync.stdout)\n\(sync.stderr)")
        let progress = sync.json["progress"] as? [String: Any] ?? [:]
        #expect(progress["received"] as? Int == 1, "\(sync.stdout)")
        let errors = (progress["errors"] as? [String]) ?? []
        #expect(
            errors == [
                "events/evil.jsonl:2: the line is 4097 bytes, over the limit of 4096 bytes per progress line; it was skipped"
            ], "\(sync.stdout)")
        let shown = try RecallProcess.run(["show", "p/c1", "--json"], home: home).json
        #expect((shown["history"] as? [Any])?.count == 1)
    }

    @Test("an Anki deck of 5,001 notes imports as two deck files within the deck file limits")
    func ankiManyNotes() throws {
        // Before: the import wrote one cards.md of 5,001 cards, which its own read-back refused.
        let root = try TemporaryFolder("recall-anki-many")
        defer { root.remove() }
        try root.write("decks/big/deck.yaml", "deck: big\n")
        try root.write("decks/big/a.md", ImportLimitsTests.cards(5_000, prefix: "a"))
        try root.write("decks/big/b.md", ImportLimitsTests.cards(1, prefix: "b"))
        let home = root.path + "/home"
        #expect(try RecallProcess.run(["import", root.path + "/decks/big"], home: home).status == 0)
        let package = root.path + "/big.apkg"
        let export = try RecallProcess.run(["export", "--apkg", package], home: home)
        #expect(export.status == 0, "\(export.stderr)")

        let other = root.path + "/other"
        let imported = try RecallProcess.run(["import", package, "--json"], home: other)
        #expect(imported.status == 0, "\(imported.stderr)")
        let folder = other + "/decks/big"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["cards-0001.md", "cards-0002.md", "deck.yaml"])
        let decks = try RecallProcess.run(["decks", "--json"], home: other).json["decks"] as? [[String: Any]]
        #expect(decks?.first?["total"] as? Int == 5_001)
    }

    @Test("an Anki note over 512 KiB of fields is refused by the real limit: exit 1, nothing written")
    func ankiNoteTooLarge() throws {
        let root = try TemporaryFolder("recall-anki-note")
        defer { root.remove() }
        try root.write("decks/n/deck.yaml", "deck: n\n")
        try root.write("decks/n/cards.md", "## Long {#long}\n" + String(repeating: "word ", count: 110_000) + "\n")
        let home = root.path + "/home"
        #expect(try RecallProcess.run(["import", root.path + "/decks/n"], home: home).status == 0)
        let package = root.path + "/n.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", package], home: home).status == 0)

        let other = root.path + "/other"
        let imported = try RecallProcess.run(["import", package], home: other)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains(package + " holds note "), "\(imported.stderr)")
        #expect(imported.stderr.contains("more than the 524288 bytes per note"), "\(imported.stderr)")
        let decks = try RecallProcess.run(["decks", "--json"], home: other).json["decks"] as? [Any]
        #expect(decks?.isEmpty == true)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: other + "/decks")) ?? []).isEmpty)
    }

    @Test("a deck of 10,000 files is read; one of 10,001 is refused whole and no card is removed")
    func filesPerDeck() throws {
        let root = try TemporaryFolder("recall-deck-files")
        defer { root.remove() }
        try root.write("deck/deck.yaml", "deck: wide\n")
        try root.write("deck/a.md", "## Kept {#kept}\nYes.\n")
        for index in 1..<10_000 {
            #expect(FileManager.default.createFile(atPath: root.path + "/deck/f\(index).md", contents: nil))
        }
        let home = root.path + "/home"
        let atLimit = try RecallProcess.run(["import", root.path + "/deck", "--json"], home: home)
        #expect(atLimit.status == 0, "\(atLimit.stderr)")
        #expect(atLimit.json["added"] as? Int == 1)

        try root.write("deck/g.md", "")
        let past = try RecallProcess.run(["import", root.path + "/deck", "--json"], home: home)
        #expect(past.status == 1)
        let errors = (past.json["errors"] as? [[String: Any]] ?? []).map {
            "\($0["file"] ?? ""): \($0["message"] ?? "")"
        }
        #expect(
            errors == [
                "\(root.path)/deck/deck.yaml: the deck holds more than 10000 card files and exercises, over the limit for one deck; nothing of it was read: split it into several decks"
            ], "\(past.stdout)")
        let decks = try RecallProcess.run(["decks", "--json"], home: home).json["decks"] as? [[String: Any]]
        #expect(decks?.first?["total"] as? Int == 1, "the card was marked removed")
    }
}
