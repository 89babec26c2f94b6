import Foundation
import RecallTestSupport
import Testing

@testable import DeckFormat

/// What names a deck: a `deck.yaml` or front matter that cannot give the id, and two places that
/// claim one id (DECK-FORMAT.md, "Decks").
@Suite("Deck ids: unknown or claimed twice")
struct DeckIDClaimTests {
    @Test(
        "a deck.yaml that does not give a valid id makes no deck: nothing of the folder is read",
        arguments: ["deck: real\ntitle: [Real\n", "deck: Not Valid\n", "dekc: real\n", "- deck: real\n"])
    func brokenDeckYAML(yaml: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("z/deck.yaml", yaml)
        try folder.write("z/cards.md", "## Q\nA\n")
        let scan = DeckScanner(displayBase: folder.path).scan([folder.url.appendingPathComponent("z")])
        #expect(scan.decks.isEmpty)
        #expect(scan.idsWritten == 0)
        #expect(try folder.read("z/cards.md") == "## Q\nA\n")
        let messages = scan.allIssues.map(\.description)
        #expect(messages.first?.hasPrefix("z/deck.yaml:") == true, "\(messages)")
        #expect(messages.last?.hasPrefix("z/deck.yaml: has errors and gives no valid deck id") == true, "\(messages)")
    }

    @Test("a deck.yaml whose only errors leave deck: valid still reads its cards, none to be removed")
    func deckYAMLWithValidID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("z/deck.yaml", "deck: real\ntitel: Real\n")
        try folder.write("z/cards.md", "## Q {#q}\nA\n")
        let scan = DeckScanner(displayBase: folder.path).scan([folder.url.appendingPathComponent("z")])
        #expect(scan.decks.map(\.id) == ["real"])
        #expect(scan.decks.first?.isClean == false)
    }

    @Test("a single-file deck whose front matter breaks makes no deck named after the file")
    func brokenFrontMatter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("notes.md", "---\ndeck: real\ntitle: [x\n---\n## Q {#q}\nA\n")
        let scan = DeckScanner(displayBase: folder.path).scan([file])
        #expect(scan.decks.isEmpty)
        #expect(scan.allIssues.last?.description.hasPrefix("notes.md: has errors and gives no valid deck id") == true)
    }

    @Test("two single-file decks with one deck id: neither is read, each names the other, no id written")
    func twoFilesOneID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.md", "---\ndeck: same\n---\n## A\nx\n")
        try folder.write("b/b.md", "---\ndeck: same\n---\n## B {#b}\ny\n")
        try folder.write("c.md", "## C {#c}\nz\n")
        let scan = DeckScanner(displayBase: folder.path).scan([folder.url])
        #expect(scan.decks.map(\.id) == ["c"])
        #expect(scan.idsWritten == 0)
        #expect(try folder.read("a.md") == "---\ndeck: same\n---\n## A\nx\n")
        let messages = scan.allIssues.map(\.description)
        #expect(messages.contains { $0.hasPrefix("a.md: claims the deck id 'same', as b/b.md does; neither") })
        #expect(messages.contains { $0.hasPrefix("b/b.md: claims the deck id 'same', as a.md does; neither") })
    }

    @Test("one file reached through a symlinked path and its real path is one deck, not a conflict")
    func samePlaceTwice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("real/a.md", "---\ndeck: same\n---\n## A {#a}\nx\n")
        let link = folder.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: folder.url.appendingPathComponent("real").path)
        let scan = DeckScanner(displayBase: folder.path).scan([file, link.appendingPathComponent("a.md")])
        #expect(scan.allIssues.isEmpty)
        #expect(scan.decks.map(\.id) == ["same"])
    }

    @Test("a deck the notebook holds from another place that still claims the id is not taken over")
    func claimedElsewhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try folder.write("a.md", "---\ndeck: same\n---\n## A {#a}\nx\n")
        let second = try folder.write("b.md", "---\ndeck: same\n---\n## B {#b}\ny\n")
        var scanner = DeckScanner(displayBase: folder.path)
        scanner.knownRoots = ["same": first.path]
        let refused = scanner.scan([second])
        #expect(refused.decks.isEmpty)
        #expect(
            refused.allIssues.first?.description.hasPrefix(
                "b.md: claims the deck id 'same', which the notebook already holds from a.md") == true)
        // Moved away, or given another id: the new place takes the deck over.
        try folder.write("a.md", "---\ndeck: other\n---\n## A {#a}\nx\n")
        #expect(scanner.scan([second]).decks.map(\.id) == ["same"])
        try FileManager.default.removeItem(at: first)
        #expect(scanner.scan([second]).decks.map(\.id) == ["same"])
    }
}
