import Foundation
import RecallTestSupport
import Testing

/// Issue 13: whether a deck is read in full (`source add`) or after a change (`sync`), the same
/// rules apply and the notebook ends up as a fresh subscriber's would.
@Suite("Sync: one import path for full and changed-file reads")
struct SyncImportTests {
    /// Clones `remote`, lets `change` edit the working copy (symlinks included), commits and pushes.
    static func push(_ remote: URL, scratch: TemporaryFolder, _ change: (URL) throws -> Void) throws {
        let other = scratch.url.appendingPathComponent("other-\(UUID().uuidString.prefix(6))")
        try GitCLI.run(["clone", "-q", remote.path, other.path])
        try change(other)
        try GitCLI.run(["add", "-A"], in: other)
        try GitCLI.run(["commit", "-q", "-m", "change"], in: other)
        try GitCLI.run(["push", "-q", "origin", "HEAD:main"], in: other)
        try FileManager.default.removeItem(at: other)
    }

    static func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// `recall show --json`, with the file relative to the source's clone (homes differ); [:] if unknown.
    static func show(_ key: String, _ home: String) throws -> [String: Any] {
        let shown = try RecallProcess.run(["show", key, "--json"], home: home)
        guard shown.status == 0 else { return [:] }
        var json = shown.json
        if let file = json["file"] as? String { json["file"] = file.replacingOccurrences(of: home + "/", with: "") }
        return json
    }

    static func decks(_ home: String) throws -> [String] {
        let listed = try RecallProcess.run(["decks", "--json"], home: home).json["decks"] as? [[String: Any]] ?? []
        return listed.map { "\($0["deck"] ?? "?"):\($0["total"] ?? "?")" }
    }

    /// A third notebook subscribing now: what a full import of the current tree gives.
    static func freshSubscriber(_ pair: TwoNotebooks) throws -> String {
        let home = pair.root.url.appendingPathComponent("home-fresh-\(UUID().uuidString.prefix(4))").path
        _ = try RecallProcess.run(
            ["source", "add", "file://" + pair.remote.path, "--name", "team", "--path", "decks", "--home", home],
            home: nil)
        return home
    }

    @Test("a symlink out of the deck (new deck, existing deck, loose file) is never read, written or pushed")
    func symlinkOutOfDeck() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let secret = "## Secret question\nThe secret answer 7f3a9c.\n"
        let victim = try pair.root.write("private/notes.md", secret)
        let victimMode = try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("deck: evil\n", "decks/evil/deck.yaml", in: clone)
            for link in ["decks/evil/victim.md", "decks/d/victim.md", "decks/victim.md"] {
                try FileManager.default.createSymbolicLink(
                    atPath: clone.appendingPathComponent(link).path, withDestinationPath: victim.path)
            }
        }
        for home in [pair.a, pair.b] {
            let synced = try pair.sync(home, expect: nil)
            let problems = synced.firstSource["errors"] as? [String] ?? []
            #expect(problems.contains { $0.contains("decks/evil/victim.md") && $0.contains("symlink") }, "\(problems)")
            #expect(problems.contains { $0.contains("decks/d/victim.md") && $0.contains("symlink") }, "\(problems)")
            #expect(problems.contains { $0.contains("decks/victim.md") && $0.contains("symlink") }, "\(problems)")
            try pair.sync(home, expect: nil)  // a second sync (files with problems are re-read) changes nothing
        }
        let fresh = try Self.freshSubscriber(pair)
        for home in [pair.a, pair.b, fresh] {
            let found = try RecallProcess.run(["search", "7f3a9c", "--json"], home: home)
            #expect((found.json["cards"] as? [Any])?.isEmpty == true, "read through a symlink: \(found.stdout)")
            #expect(try Self.show("evil/secret-question", home).isEmpty)
            #expect(try Self.show("d/secret-question", home).isEmpty)
            for link in ["decks/evil/victim.md", "decks/d/victim.md", "decks/victim.md"] {
                #expect(Self.isSymlink(home + "/sources/team/" + link), "\(link) replaced in \(home)")
            }
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == secret)
        #expect(try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int == victimMode)
        let pushed = try GitCLI.run(["log", "-p", "--all"], in: pair.remote)
        #expect(!pushed.contains("7f3a9c") && !pushed.contains("{#secret-question}"))
    }

    @Test("a deck folder, or the source's folder, replaced by a symlink is not followed")
    func symlinkedFolders() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let secret = "## Secret question {#x}\nThe secret answer 7f3a9c.\n"
        try pair.root.write("private/d/deck.yaml", "deck: d\n")
        try pair.root.write("private/d/cards.md", secret)
        try pair.root.write("private/e/deck.yaml", "deck: e\n")
        try pair.root.write("private/e/cards.md", secret)
        let outside = pair.root.url.appendingPathComponent("private")
        // First the deck folder `decks/d`, then the source's folder `decks` itself.
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try FileManager.default.removeItem(at: clone.appendingPathComponent("decks/d"))
            try FileManager.default.createSymbolicLink(
                atPath: clone.appendingPathComponent("decks/d").path, withDestinationPath: outside.path + "/d")
        }
        let first = try pair.sync(pair.a, expect: nil)
        #expect((first.firstSource["errors"] as? [String] ?? []).contains { $0.contains("symlink") }, "\(first.stdout)")
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try FileManager.default.removeItem(at: clone.appendingPathComponent("decks"))
            try FileManager.default.createSymbolicLink(
                atPath: clone.appendingPathComponent("decks").path, withDestinationPath: outside.path)
        }
        let second = try pair.sync(pair.a, expect: nil)
        #expect(
            (second.firstSource["errors"] as? [String] ?? []).contains { $0.contains("symlink") }, "\(second.stdout)")
        try pair.sync(pair.b, expect: nil)
        for home in [pair.a, pair.b] {
            let found = try RecallProcess.run(["search", "7f3a9c", "--json"], home: home)
            #expect((found.json["cards"] as? [Any])?.isEmpty == true, "read through a symlink: \(found.stdout)")
            #expect(try Self.show("e/x", home).isEmpty)
        }
        let fresh = try RecallProcess.run(
            ["source", "add", "file://" + pair.remote.path, "--path", "decks", "--home", pair.root.path + "/fresh"],
            home: nil)
        #expect(fresh.status != 0)
        #expect(
            !(try RecallProcess.run(["search", "7f3a9c"], home: pair.root.path + "/fresh").stdout.contains("7f3a9c")))
    }

    @Test("a symlink inside the deck to another file of the deck is refused in both paths, not read twice")
    func symlinkInsideDeck() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try FileManager.default.createSymbolicLink(
                atPath: clone.appendingPathComponent("decks/d/alias.md").path, withDestinationPath: "cards.md")
        }
        let synced = try pair.sync(pair.a, expect: nil)
        let fresh = try Self.freshSubscriber(pair)
        for home in [pair.a, fresh] {
            #expect(try Self.decks(home) == ["d:3"])
            #expect(try Self.show("d/x", home)["file"] as? String ?? "" != "")
        }
        let problems = synced.firstSource["errors"] as? [String] ?? []
        #expect(problems.contains { $0.contains("decks/d/alias.md") && $0.contains("symlink") }, "\(problems)")
    }

    @Test("the same id added in two files is a duplicate in both paths, and the card keeps one text")
    func duplicateAcrossFiles() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("## Other x {#x}\nOther answer.\n", "decks/d/other.md", in: clone)
        }
        let first = try pair.sync(pair.a, expect: nil)
        let problems = first.firstSource["errors"] as? [String] ?? []
        #expect(
            problems.contains {
                $0.contains("decks/d/other.md:1") && $0.contains("duplicate id 'x'")
                    && $0.contains("decks/d/cards.md:1")
            }, "\(problems)")
        #expect(try pair.back(pair.a, "x") == "Answer x.")
        // The other file changes again: still reported, the card does not switch texts.
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("## Other x {#x}\nOther answer, edited.\n", "decks/d/other.md", in: clone)
        }
        let second = try pair.sync(pair.a, expect: nil)
        #expect((second.firstSource["errors"] as? [String] ?? []).contains { $0.contains("duplicate id 'x'") })
        #expect(try pair.back(pair.a, "x") == "Answer x.")
        let fresh = try Self.freshSubscriber(pair)
        #expect(try pair.back(fresh, "x") == "Answer x.")
        #expect(try Self.show("d/x", pair.a)["file"] as? String == Self.show("d/x", fresh)["file"] as? String)
    }

    @Test("renaming one of two files removes nothing from the other")
    func renameOneOfTwo() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("## Other x {#x}\nOther answer.\n\n## W {#w}\nAnswer w.\n", "decks/d/other.md", in: clone)
        }
        try pair.sync(pair.a, expect: nil)
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try GitCLI.run(["mv", "decks/d/other.md", "decks/d/renamed.md"], in: clone)
        }
        try pair.sync(pair.a, expect: nil)
        let fresh = try Self.freshSubscriber(pair)
        for id in ["x", "y", "z", "w"] {
            let mine = try Self.show("d/\(id)", pair.a)
            let theirs = try Self.show("d/\(id)", fresh)
            #expect(mine["removed"] as? Bool == false, "d/\(id): \(mine)")
            for field in ["back", "file", "removed"] {
                #expect("\(mine[field] ?? "-")" == "\(theirs[field] ?? "-")", "d/\(id) \(field)")
            }
        }
        #expect(try Self.decks(pair.a) == Self.decks(fresh))
    }

    @Test("a deck: change in deck.yaml moves the deck for subscribers as a new subscriber sees it")
    func deckRenamed() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let answered = try RecallProcess.run(["answer", "d/x", "4"], home: pair.a)
        #expect(answered.status == 0, "\(answered.stderr)")
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("deck: e\ntitle: Shared deck\n", "decks/d/deck.yaml", in: clone)
        }
        try pair.sync(pair.a)
        let fresh = try Self.freshSubscriber(pair)
        #expect(try Self.decks(pair.a) == ["e:3"])
        #expect(try Self.decks(fresh) == ["e:3"])
        #expect(try Self.show("e/x", pair.a)["back"] as? String == "Answer x.")
        // The old deck's cards are retired with their history, which comes back if the id does.
        let old = try Self.show("d/x", pair.a)
        #expect(old["removed"] as? Bool == true)
        #expect((old["history"] as? [Any])?.count == 1, "\(old)")
        try Self.push(pair.remote, scratch: pair.root) { clone in
            try Self.write("deck: d\ntitle: Shared deck\n", "decks/d/deck.yaml", in: clone)
        }
        try pair.sync(pair.a)
        #expect(try Self.decks(pair.a) == ["d:3"])
        #expect((try Self.show("d/x", pair.a)["history"] as? [Any])?.count == 1)
    }
}
