import Foundation
import RecallTestSupport
import Testing

/// Issue 13: limits on one deck file, and imports of many files at once (parsed in parallel).
@Suite("Import: deck file limits and many files")
struct ImportLimitsTests {
    /// A Markdown file of exactly `bytes` bytes holding one card `id`.
    static func file(bytes: Int, id: String) -> String {
        let heading = "## Card \(id) {#\(id)}\n"
        var body = ""
        var remaining = bytes - heading.utf8.count
        while remaining > 0 {
            let line = min(remaining, 100)
            body += String(repeating: "x", count: line - 1) + "\n"
            remaining -= line
        }
        return heading + body
    }

    static func cards(_ count: Int, prefix: String) -> String {
        (1...count).map { "## Q \(prefix) \($0) {#\(prefix)-\($0)}\nA\($0)\n" }.joined(separator: "\n")
    }

    @Test(
        "a file at the limits (1 MiB, 5,000 cards) is imported; one byte or one card more is refused, the rest imported"
    )
    func limits() throws {
        let root = try TemporaryFolder("recall-limits")
        defer { root.remove() }
        let limit = 1 << 20
        try root.write("deck/deck.yaml", "deck: big\n")
        try root.write("deck/a-at-size.md", Self.file(bytes: limit, id: "at-size"))
        try root.write("deck/b-over-size.md", Self.file(bytes: limit + 1, id: "over-size"))
        try root.write("deck/c-at-count.md", Self.cards(5_000, prefix: "at"))
        try root.write("deck/d-over-count.md", Self.cards(5_001, prefix: "over"))
        try root.write("deck/e-small.md", "## Small {#small}\nS\n")
        #expect(
            try FileManager.default.attributesOfItem(atPath: root.url.path + "/deck/a-at-size.md")[.size] as? Int
                == limit)
        let home = root.url.appendingPathComponent("home").path
        let imported = try RecallProcess.run(["import", root.url.path + "/deck", "--json"], home: home)
        #expect(imported.status == 1, "\(imported.stderr)")
        let json = imported.json
        #expect(json["added"] as? Int == 1 + 5_000 + 1, "\(imported.stdout.prefix(500))")
        let errors = (json["errors"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? ""): \($0["message"] ?? "")" }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains("b-over-size.md") && $0.contains("\(limit + 1) bytes") }, "\(errors)")
        #expect(errors.contains { $0.contains("d-over-count.md") && $0.contains("5001 cards") }, "\(errors)")
        let decks = try RecallProcess.run(["decks", "--json"], home: home).json["decks"] as? [[String: Any]]
        #expect(decks?.first?["total"] as? Int == 5_002)
    }

    @Test("ids written back keep the file's mode (0600 stays 0600)")
    func writeBackKeepsMode() throws {
        let root = try TemporaryFolder("recall-mode")
        defer { root.remove() }
        let file = try root.write("deck/cards.md", "## What is kept on write-back?\nThe mode.\n")
        try root.write("deck/deck.yaml", "deck: m\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let home = root.url.appendingPathComponent("home").path
        let imported = try RecallProcess.run(["import", root.url.path + "/deck"], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try root.read("deck/cards.md").contains("{#what-is-kept-on-write-back}"))
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
    }

    /// `count` files of two cards each in deck folder `many`.
    static func manyFiles(_ count: Int) -> [String: String] {
        var files = ["many/deck.yaml": "deck: many\n"]
        for index in 0..<count {
            files["many/f\(index).md"] = "## Q\(index)a {#q\(index)-a}\nA\n\n## Q\(index)b {#q\(index)-b}\nB\n"
        }
        return files
    }

    @Test("3,000 files through `recall import` and `recall source add`: every card counted, no crash")
    func manyFiles() throws {
        let root = try TemporaryFolder("recall-many")
        defer { root.remove() }
        let files = Self.manyFiles(3_000)
        for (path, text) in files { try root.write("local/" + path, text) }
        let home = root.url.appendingPathComponent("home").path
        let imported = try RecallProcess.run(["import", root.url.path + "/local", "--json"], home: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.json["added"] as? Int == 6_000)

        let remote = try GitCLI.bareRemote(in: root, files: files)
        let other = root.url.appendingPathComponent("home-source").path
        let added = try RecallProcess.run(
            ["source", "add", "file://" + remote.path, "--json", "--home", other], home: nil)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.json["added"] as? Int == 6_000, "\(added.stdout.prefix(300))")
        let decks = try RecallProcess.run(["decks", "--json"], home: other).json["decks"] as? [[String: Any]]
        #expect(decks?.first?["total"] as? Int == 6_000)
    }
}
