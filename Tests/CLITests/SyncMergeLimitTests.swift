import Foundation
import RecallTestSupport
import Testing

/// A deck file over the size limit is never parsed by the merge either: a stranger's 200 MB file
/// costs no card-by-card merge.
@Suite("Sync: an over-limit deck file is not merged card by card")
struct SyncMergeLimitTests {
    @Test("a file made over 1 MiB on A and edited on B: the merge on B keeps B's version, unparsed")
    func oversizedFileKeepsThisSide() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let padding = String(repeating: "padding ", count: 140_000)  // about 1.1 MB
        try pair.edit(pair.a, "Answer x.", "Answer x by A.")
        try pair.edit(pair.a, "Answer z.", "Answer z. \(padding)")
        let first = try pair.sync(pair.a, expect: 1)  // A's own import refuses the file by name
        #expect(first.stdout.contains("cards.md"), "\(first.stdout)")
        try pair.edit(pair.b, "Answer y.", "Answer y by B.")
        let mine = try pair.read(pair.b)
        try pair.sync(pair.b, expect: nil)
        let merged = try pair.read(pair.b)
        #expect(merged == mine, "the merge parsed the over-limit file instead of keeping B's version")
        #expect(try pair.back(pair.b, "y") == "Answer y by B.")
    }
}
