import DeckFormat
import Foundation
import RecallTestSupport
import Testing

@Suite("Deck files: write-back safety and parallel reads")
struct DeckFileSafetyTests {
    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test("write-back never writes through nor replaces a symlink")
    func refusesSymlink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = try folder.write("target.md", "## T\nt\n")
        let link = folder.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        #expect(throws: IDWriterError.self) { try IDWriter.atomicWrite(Array("changed".utf8), to: link) }
        #expect(try folder.read("target.md") == "## T\nt\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("a deck folder's other files (an Anki import's anki-notes.json) are not read as cards")
    func otherFilesIgnored() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try folder.write("d/cards.md", "## Question one {#one}\n\nAnswer.\n")
        let plain = DeckScanner(writeIDs: false).scan([folder.url.appendingPathComponent("d")])
        // Even when it holds what would read as a card in a Markdown file.
        try folder.write("d/anki-notes.json", "## Not a card {#two}\n\n{\"version\": 1}\n")
        let scan = DeckScanner(writeIDs: false).scan([folder.url.appendingPathComponent("d")])
        #expect(scan.allIssues.isEmpty, "\(scan.allIssues)")
        #expect(scan.decks.flatMap { $0.cards.map(\.card.key.id) } == ["one"])
        #expect(scan.decks.map(\.id) == plain.decks.map(\.id))
    }

    @Test("write-back keeps the file's mode; a new file gets 0644")
    func keepsMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("cards.md", "## Q\na\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        _ = DeckScanner(displayBase: folder.path).scan([file])
        #expect(try folder.read("cards.md").contains("{#q}") == false)  // "Q" is too short: a hashed id
        #expect(try folder.read("cards.md").contains("{#card-"))
        #expect(try Self.mode(file.path) == 0o640)
        let fresh = folder.url.appendingPathComponent("new.md")
        try IDWriter.atomicWrite(Array("x\n".utf8), to: fresh)
        #expect(try Self.mode(fresh.path) == 0o644)
    }

    @Test("a folder of 400 files is parsed in parallel into the same cards, in deck order")
    func manyFilesInParallel() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("d/deck.yaml", "deck: d\n")
        for index in 0..<400 {
            try folder.write(String(format: "d/f%03d.md", index), "## Q\(index) {#q\(index)}\nA\(index)\n")
        }
        let result = DeckScanner(writeIDs: false, displayBase: folder.path).scan([
            folder.url.appendingPathComponent("d")
        ])
        #expect(result.allIssues.isEmpty)
        #expect(result.decks.first?.cards.map(\.card.key.id) == (0..<400).map { "q\($0)" })
        #expect(result.decks.first?.cards.map(\.card.back) == (0..<400).map { "A\($0)" })
    }
}
