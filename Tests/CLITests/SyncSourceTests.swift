import Foundation
import RecallTestSupport
import Testing

@Suite("Sync: deck sources shared by two notebooks")
struct SyncSourceTests {
    @Test("A edits card x, B edits card y of the same file: after both sync, both have both edits, no conflict")
    func differentCards() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "Answer x.", "Answer x, edited by A.")
        try pair.edit(pair.b, "Answer y.", "Answer y, edited by B.")
        let first = try pair.sync(pair.a)
        #expect(first.firstSource["committed"] as? Int == 1)
        #expect(first.firstSource["pushed"] as? Int == 1)
        let second = try pair.sync(pair.b)
        #expect(second.firstSource["fetched"] as? Int == 1)
        #expect((second.firstSource["conflicts"] as? [String])?.isEmpty == true)
        try pair.sync(pair.a)
        for home in [pair.a, pair.b] {
            #expect(try pair.back(home, "x") == "Answer x, edited by A.")
            #expect(try pair.back(home, "y") == "Answer y, edited by B.")
            #expect(try pair.back(home, "z") == "Answer z.")
        }
        #expect(try pair.read(pair.a) == pair.read(pair.b))
        #expect(try pair.remoteFile() == pair.read(pair.a).trimmingCharacters(in: .newlines))
        // A sync with nothing new on either side changes nothing and imports no file.
        let idle = try pair.sync(pair.b)
        for key in ["fetched", "pushed", "files_imported", "added", "updated", "removed"] {
            #expect(idle.firstSource[key] as? Int == 0, "\(key)")
        }
    }

    @Test("both edit card x differently (over git daemon): the conflict is reported, both kept, resolving propagates")
    func conflictingEdits() throws {
        var daemon: GitDaemon?
        let pair = try TwoNotebooks(url: { remote in
            daemon = try? GitDaemon(serving: remote.deletingLastPathComponent())
            return daemon?.url(remote.lastPathComponent) ?? "unavailable"
        })
        defer {
            daemon?.stop()
            pair.remove()
        }
        try pair.edit(pair.a, "Answer x.", "Answer x as A sees it.")
        try pair.edit(pair.b, "Answer x.", "Answer x as B sees it.")
        try pair.sync(pair.a)
        let merged = try pair.sync(pair.b, expect: 1)
        let conflicts = merged.firstSource["conflicts"] as? [String]
        #expect(conflicts == ["d/x"], "\(merged.stdout)")
        let text = try pair.read(pair.b)
        #expect(text.contains("## Question x {#x}\nAnswer x as B sees it."))
        #expect(text.contains("Answer x as A sees it."))
        #expect(text.contains("{#x--conflict-"))
        // A receives the merged file: it holds the conflict too, so its sync says so and exits 1.
        let received = try pair.sync(pair.a, expect: 1)
        #expect(received.firstSource["conflicts"] as? [String] == ["d/x"], "\(received.stdout)")
        let listed = try RecallProcess.run(["conflicts", "list", "--json", "--home", pair.a], home: nil)
        let entries = listed.json["conflicts"] as? [[String: Any]] ?? []
        #expect(entries.count == 1 && entries.first?["card"] as? String == "d/x", "\(listed.stdout)")
        // B made the merge, so in A's file the card shows B's version and A's own is the copy.
        #expect(entries.first?["ours"] as? String == "copy", "\(listed.stdout)")
        let onB = try RecallProcess.run(["conflicts", "list", "--json", "--home", pair.b], home: nil)
        #expect((onB.json["conflicts"] as? [[String: Any]])?.first?["ours"] as? String == "card", "\(onB.stdout)")

        // A keeps the other version (B's, which is the card in A's file), and shares it.
        let resolved = try RecallProcess.run(["conflicts", "resolve", "d/x", "--theirs", "--home", pair.a], home: nil)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try pair.back(pair.a, "x") == "Answer x as B sees it.")
        try pair.sync(pair.a)
        try pair.sync(pair.b)
        for home in [pair.a, pair.b] {
            #expect(try pair.back(home, "x") == "Answer x as B sees it.")
            #expect(!(try pair.read(home)).contains("--conflict-"))
            let none = try RecallProcess.run(["conflicts", "list", "--json", "--home", home], home: nil)
            #expect((none.json["conflicts"] as? [Any])?.isEmpty == true)
        }
        #expect(try pair.read(pair.a) == pair.read(pair.b))
    }

    @Test("a conflict copy changed differently on both sides becomes a second copy of the card, never a copy of a copy")
    func copyOfCopy() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "Answer x.", "Answer x as A sees it.")
        try pair.edit(pair.b, "Answer x.", "Answer x as B sees it.")
        try pair.sync(pair.a)
        try pair.sync(pair.b, expect: 1)
        try pair.sync(pair.a, expect: 1)
        // Both now hold card x (B's text) and its copy (A's text); both edit the copy differently.
        try pair.edit(pair.a, "Answer x as A sees it.", "The copy as A edits it.")
        try pair.edit(pair.b, "Answer x as A sees it.", "The copy as B edits it.")
        try pair.sync(pair.a, expect: 1)
        let merged = try pair.sync(pair.b, expect: 1)
        #expect(merged.firstSource["conflicts"] as? [String] == ["d/x"], "\(merged.stdout)")
        let received = try pair.sync(pair.a, expect: 1)
        #expect(received.firstSource["conflicts"] as? [String] == ["d/x"], "\(received.stdout)")
        for home in [pair.a, pair.b] {
            let text = try pair.read(home)
            for version in ["Answer x as B sees it.", "The copy as A edits it.", "The copy as B edits it."] {
                #expect(text.contains(version), "\(home): \(version) lost:\n\(text)")
            }
            #expect(
                !text.contains("--conflict-") || text.components(separatedBy: "{#x--conflict-").count == 3, "\(text)")
            for line in text.split(separator: "\n") where line.contains("--conflict-") {
                #expect(line.components(separatedBy: "--conflict-").count == 2, "a copy of a copy: \(line)")
            }
            let listed = try RecallProcess.run(["conflicts", "list", "--json", "--home", home], home: nil)
            let entries = listed.json["conflicts"] as? [[String: Any]] ?? []
            #expect(entries.count == 2 && entries.allSatisfy { $0["card"] as? String == "d/x" }, "\(listed.stdout)")
        }
        #expect(try pair.read(pair.a) == pair.read(pair.b))
    }

    @Test("a card deleted on one side and edited on the other keeps the edit; cards added on both sides are kept")
    func deleteVersusEdit() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "## Question z {#z}\nAnswer z.\n", "")
        try pair.edit(pair.a, "Answer y.\n", "Answer y.\n\n## Question from A {#from-a}\nNew card by A.\n")
        try pair.edit(pair.b, "Answer z.", "Answer z, improved by B.")
        try pair.edit(pair.b, "Answer x.\n", "Answer x.\n\n## Question from B {#from-b}\nNew card by B.\n")
        try pair.sync(pair.a)
        try pair.sync(pair.b)
        try pair.sync(pair.a)
        for home in [pair.a, pair.b] {
            #expect(try pair.back(home, "z") == "Answer z, improved by B.")
            #expect(try pair.back(home, "from-a") == "New card by A.")
            #expect(try pair.back(home, "from-b") == "New card by B.")
        }
        #expect(try pair.read(pair.a) == pair.read(pair.b))
    }

    @Test("source list and remove: the cards are marked removed with their history kept, and come back on re-adding")
    func listAndRemove() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let listed = try RecallProcess.run(["source", "list", "--json", "--home", pair.a], home: nil)
        let entry = (listed.json["sources"] as? [[String: Any]])?.first ?? [:]
        #expect(entry["source"] as? String == "team" && entry["path"] as? String == "decks")
        #expect((entry["commit"] as? String)?.count == 7)
        let answered = try RecallProcess.run(["answer", "d/x", "4"], home: pair.a)
        #expect(answered.status == 0, "\(answered.stderr)")

        let removed = try RecallProcess.run(["source", "remove", "team", "--home", pair.a], home: nil)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pair.a + "/sources/team"))
        let shown = try RecallProcess.run(["show", "d/x", "--json"], home: pair.a)
        #expect(shown.json["removed"] as? Bool == true)
        #expect((shown.json["history"] as? [Any])?.count == 1)
        #expect(
            try RecallProcess.run(["source", "list", "--json", "--home", pair.a], home: nil).json["sources"] as? [Any]
                != nil)

        let again = try RecallProcess.run(
            ["source", "add", "file://" + pair.remote.path, "--name", "team", "--path", "decks", "--home", pair.a],
            home: nil)
        #expect(again.status == 0, "\(again.stderr)")
        let back = try RecallProcess.run(["show", "d/x", "--json"], home: pair.a)
        #expect(back.json["removed"] as? Bool == false)
        #expect((back.json["history"] as? [Any])?.count == 1)
    }

    @Test("this very repository is a valid source with --path Decks")
    func projectRepository() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let added = try RecallProcess.run(
            [
                "source", "add", RecallProcess.repositoryRoot.path, "--name", "recall", "--path", "Decks", "--json",
                "--home", home.path,
            ], home: nil)
        #expect(added.status == 0, "\(added.stderr)")
        #expect((added.json["added"] as? Int ?? 0) > 50)
        #expect((added.json["errors"] as? [Any])?.isEmpty == true)
        let synced = try RecallProcess.run(["sync", "--json"], home: home.path)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.firstSource["files_imported"] as? Int == 0)
    }

    @Test("bad input: unknown source, bad name or path, refused transport, resolve without a conflict")
    func badInput() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let cases: [([String], String)] = [
            (["sync", "nope"], "no source named 'nope'"),
            (["source", "add", "file://" + pair.remote.path, "--name", "Bad Name"], "not a valid source name"),
            (["source", "add", "file://" + pair.remote.path, "--name", "team"], "already exists"),
            (["source", "add", "file://" + pair.remote.path, "--name", "t2", "--path", "../x"], "relative folder"),
            (
                ["source", "add", "file://" + pair.remote.path, "--name", "t3", "--path", "missing"],
                "no folder 'missing'"
            ),
            (["source", "add", "ext::sh -c touch% /tmp/x", "--name", "evil"], "refusing remote"),
            (["source", "remove", "nope"], "no source named"),
            (["conflicts", "resolve", "d/x", "--ours"], "no conflict"),
        ]
        for (arguments, message) in cases {
            let result = try RecallProcess.run(arguments + ["--home", pair.a], home: nil)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let usage = try RecallProcess.run(["conflicts", "resolve", "d/x", "--home", pair.a], home: nil)
        #expect(usage.status == 2)
    }
}
