import Foundation
import RecallTestSupport
import Testing

/// Imports a new user meets (issue 17, points 9 to 13): a missing path, a broken deck.yaml, a
/// byte-order mark, two files claiming one deck, `{#…}` in inline code.
@Suite("Import edge cases through the recall binary")
struct DeckImportEdgeTests {
    func cards(_ home: TemporaryFolder) throws -> [String] {
        let listed = try RecallProcess.run(["cards", "--json"], home: home.path)
        return (listed.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }.sorted()
    }

    func deckIDs(_ home: TemporaryFolder) throws -> [String] {
        let listed = try RecallProcess.run(["decks", "--json"], home: home.path)
        return (listed.json["decks"] as? [[String: Any]] ?? []).compactMap { $0["deck"] as? String }
    }

    @Test("a path that does not exist is an error naming it, and refuses the whole import before anything")
    func missingPath() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("good.md", "## Good\nA.\n")
        let missing = decks.path + "/nonexistent"
        let alone = try RecallProcess.run(["import", missing], home: home.path)
        #expect(alone.status == 1 && alone.stderr.contains("\(missing): no such file or folder"), "\(alone.stderr)")
        #expect(!alone.stdout.contains("added"), "\(alone.stdout)")
        let mixed = try RecallProcess.run(["import", decks.path + "/good.md", missing, "--json"], home: home.path)
        #expect(mixed.status == 1 && mixed.stderr.contains("nothing was imported"), "\(mixed.stderr)")
        #expect(try cards(home).isEmpty)
        #expect(try decks.read("good.md") == "## Good\nA.\n")  // no id written back either
    }

    @Test("a deck.yaml that breaks imports nothing from its folder: no deck named after it, no card removed")
    func brokenDeckYAML() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("z/deck.yaml", "deck: real\ntitle: Real\n")
        try decks.write("z/cards.md", "## One {#one}\nA.\n")
        let folder = decks.path + "/z"
        #expect(try RecallProcess.run(["import", folder], home: home.path).status == 0)
        #expect(try RecallProcess.run(["answer", "real/one", "4"], home: home.path).status == 0)
        try decks.write("z/deck.yaml", "deck: real\ntitle: [Real\n")
        try decks.write("z/cards.md", "## One {#one}\nA.\n\n## Two {#two}\nB.\n")
        let broken = try RecallProcess.run(["import", folder, "--json"], home: home.path)
        #expect(broken.status == 1)
        #expect(broken.json["added"] as? Int == 0 && broken.json["removed"] as? Int == 0, "\(broken.stdout)")
        let errors = (broken.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(errors.contains { $0.contains("gives no valid deck id") }, "\(errors)")
        #expect(try deckIDs(home) == ["real"])
        #expect(try cards(home) == ["real/one"])
        try decks.write("z/deck.yaml", "deck: real\ntitle: Real\n")
        let fixed = try RecallProcess.run(["import", folder, "--json"], home: home.path)
        #expect(fixed.status == 0 && fixed.json["added"] as? Int == 1, "\(fixed.stdout) \(fixed.stderr)")
        #expect(try deckIDs(home) == ["real"])
        #expect(try cards(home) == ["real/one", "real/two"])
        let one = try RecallProcess.run(["show", "real/one", "--json"], home: home.path)
        #expect((one.json["history"] as? [Any])?.count == 1, "\(one.stdout)")
    }

    @Test("a byte-order mark loses neither the first card nor the front matter, and survives the id write-back")
    func byteOrderMark() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try decks.write("a.md", bytes: bom + Array("## First {#bom1}\nOne.\n\n## Second {#bom2}\nTwo.\n".utf8))
        let crlf = "---\r\ndeck: b\r\ntags: [t1]\r\n---\r\n## First\r\nOne.\r\n"
        try decks.write("b.md", bytes: bom + Array(crlf.utf8))
        let imported = try RecallProcess.run(["import", decks.path], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cards(home) == ["a/bom1", "a/bom2", "b/first"])
        let first = try RecallProcess.run(["show", "b/first", "--json"], home: home.path)
        #expect(first.json["tags"] as? [String] == ["t1"], "\(first.stdout)")
        let written = try Array(Data(contentsOf: decks.url.appendingPathComponent("b.md")))
        #expect(written == bom + Array(crlf.replacingOccurrences(of: "## First", with: "## First {#first}").utf8))
    }

    @Test("two single-file decks claiming one deck id: an error naming both files, neither imported over the other")
    func twoFilesOneDeck() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("a.md", "---\ndeck: same\n---\n## From a {#a1}\nA.\n")
        try decks.write("b.md", "---\ndeck: same\n---\n## From b {#b1}\nB.\n")
        let first = try RecallProcess.run(["import", decks.path + "/a.md"], home: home.path)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try RecallProcess.run(["import", decks.path + "/b.md"], home: home.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("b.md: claims the deck id 'same'"), "\(second.stderr)")
        #expect(second.stderr.contains("\(decks.path)/a.md"), "\(second.stderr)")
        #expect(try cards(home) == ["same/a1"])
        let both = try RecallProcess.run(["import", decks.path], home: home.path)
        #expect(both.status == 1 && both.stderr.contains("neither was imported"), "\(both.stderr)")
        #expect(try cards(home) == ["same/a1"])
        // Taking the deck out lets the other file have it.
        #expect(try RecallProcess.run(["deck", "remove", "same", "--home", home.path], home: nil).status == 0)
        #expect(try RecallProcess.run(["import", decks.path + "/b.md"], home: home.path).status == 0)
        #expect(try cards(home) == ["same/b1"])
    }

    @Test("{#…} inside inline code in a heading is part of the question; the id is generated after it")
    func inlineCodeInHeading() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("d.md", "## What does `{#x}` do\nIt names a card.\n\n## Kept `{#y}` {#kept}\nYes.\n")
        let imported = try RecallProcess.run(["import", decks.path + "/d.md"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cards(home) == ["d/kept", "d/what-does-x-do"])
        let shown = try RecallProcess.run(["show", "d/kept", "--json"], home: home.path)
        #expect(shown.json["front"] as? String == "Kept `{#y}`")
        #expect(try decks.read("d.md").hasPrefix("## What does `{#x}` do {#what-does-x-do}\n"))
    }
}
