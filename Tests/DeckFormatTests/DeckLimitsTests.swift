import DeckFormat
import Foundation
import RecallTestSupport
import Testing

/// DeckLimits on a path without `deck.yaml` (docs/LIMITS.md); the same limit on one folder deck is
/// tested through `recall import` in CLITests/InputLimitsTests.
@Suite("Deck limits: decks under one path")
struct DeckLimitsTests {
    @Test("10,000 single-file decks under a path are read; 10,001 are refused, none read")
    func decksPerPath() throws {
        #expect(DeckLimits.maxFilesPerDeck == 10_000)
        let root = try TemporaryFolder("recall-many-decks")
        defer { root.remove() }
        try root.write("loose/a.md", "## Kept {#kept}\nYes.\n")
        for index in 1..<10_000 {
            #expect(FileManager.default.createFile(atPath: root.path + "/loose/f\(index).md", contents: nil))
        }
        let scanner = DeckScanner(writeIDs: false, displayBase: root.path)
        let atLimit = scanner.scan([root.url.appendingPathComponent("loose")])
        #expect(atLimit.decks.count == 10_000)
        #expect(atLimit.allIssues.isEmpty, "\(atLimit.allIssues.prefix(3))")

        try root.write("loose/g.md", "")
        let past = scanner.scan([root.url.appendingPathComponent("loose")])
        #expect(past.decks.isEmpty)
        #expect(
            past.allIssues.map(\.description) == [
                "loose: holds more than 10000 decks, over the limit for one path; nothing under it was read: import its folders one by one"
            ])
    }
}
