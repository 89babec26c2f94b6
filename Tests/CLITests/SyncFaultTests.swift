import Foundation
import RecallTestSupport
import Testing

@Suite("Sync: faults")
struct SyncFaultTests {
    @Test("an unreachable remote fails the sync clearly; local edits are kept and go out once it is back")
    func unreachable() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let port = try GitDaemon.freePort()  // nobody listens there
        try GitCLI.run(
            ["remote", "set-url", "origin", "git://127.0.0.1:\(port)/remote.git"],
            in: URL(fileURLWithPath: pair.a + "/sources/team"))
        try pair.edit(pair.a, "Answer x.", "Answer x, offline edit.")
        let offline = try pair.sync(pair.a, expect: 1)
        #expect(
            (offline.firstSource["failure"] as? String)?.contains("cannot fetch from git://127.0.0.1") == true,
            "\(offline.stdout)")
        #expect(offline.firstSource["committed"] as? Int == 1)
        #expect(try pair.back(pair.a, "x") == "Answer x, offline edit.")  // imported all the same

        try GitCLI.run(
            ["remote", "set-url", "origin", pair.remote.path], in: URL(fileURLWithPath: pair.a + "/sources/team"))
        let online = try pair.sync(pair.a)
        #expect(online.firstSource["pushed"] as? Int == 1)
        #expect(try pair.remoteFile().contains("Answer x, offline edit."))
    }

    @Test("a force-push of unrelated history is refused with what to do; nothing changes; re-subscribing works")
    func unrelatedHistory() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let graded = try RecallProcess.run(["answer", "d/x", "4", "--early"], home: pair.a)
        #expect(graded.status == 0, "\(graded.stderr)")
        // Someone replaces the remote's history with a new root commit.
        let rewrite = pair.root.url.appendingPathComponent("rewrite")
        try GitCLI.run(["init", "-q", "-b", "main", rewrite.path])
        try GitCLI.commit(
            [
                "decks/d/deck.yaml": "deck: d\ntitle: Shared deck\n",
                "decks/d/cards.md": "## Question x {#x}\nRewritten x.\n\n## Question w {#w}\nAnswer w.\n",
            ], message: "a new root", in: rewrite)
        try GitCLI.run(["push", "-q", "--force", pair.remote.path, "main:main"], in: rewrite)
        let forced = try GitCLI.run(["rev-parse", "main"], in: pair.remote)
        let clone = URL(fileURLWithPath: pair.a + "/sources/team")
        let head = try GitCLI.run(["rev-parse", "HEAD"], in: clone)
        let before = try pair.read(pair.a)

        let refused = try pair.sync(pair.a, expect: 1)
        let failure = (refused.json["failures"] as? [String: String])?["team"] ?? ""
        #expect(failure.contains("unrelated"), "\(refused.stdout)")
        #expect(failure.contains("recall source remove team") && failure.contains("recall source add"), "\(failure)")
        #expect(try GitCLI.run(["rev-parse", "HEAD"], in: clone) == head)
        #expect(try pair.read(pair.a) == before)
        #expect(try pair.back(pair.a, "x") == "Answer x.")
        #expect(try RecallProcess.run(["show", "d/w", "--json"], home: pair.a).status != 0)
        #expect(try GitCLI.run(["rev-parse", "main"], in: pair.remote) == forced)  // the old history not pushed back
        #expect(try pair.sync(pair.a, expect: 1).json["failures"] != nil)  // and again next time

        // What the message says to do works, and the review history stays with the card.
        #expect(try RecallProcess.run(["source", "remove", "team", "--home", pair.a], home: nil).status == 0)
        let again = try RecallProcess.run(
            [
                "source", "add", "file://" + pair.remote.path, "--name", "team", "--path", "decks", "--branch", "main",
                "--home", pair.a,
            ], home: nil)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try pair.back(pair.a, "x") == "Rewritten x.")
        #expect(try pair.back(pair.a, "w") == "Answer w.")
        let x = try RecallProcess.run(["show", "d/x", "--json"], home: pair.a).json
        #expect((x["history"] as? [Any])?.count == 1, "\(x)")
        #expect(try pair.sync(pair.a).status == 0)
    }

    @Test("a deleted remote is reported; nothing local is lost")
    func deletedRemote() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try FileManager.default.removeItem(at: pair.remote)
        try pair.edit(pair.b, "Answer y.", "Answer y, kept.")
        let result = try pair.sync(pair.b, expect: 1)
        #expect((result.firstSource["failure"] as? String)?.contains("still exists") == true, "\(result.stdout)")
        #expect(try pair.back(pair.b, "y") == "Answer y, kept.")
        let text = try RecallProcess.run(["sync"], home: pair.b)
        #expect(text.status == 1 && text.stderr.contains("cannot fetch"), "\(text.stderr)")
    }

    @Test("a push rejected because the other pushed first is retried after fetching and merging")
    func pushRace() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "Answer x.", "Answer x by A.")
        try pair.edit(pair.b, "Answer y.", "Answer y by B.")
        // B stops after fetching and merging, before pushing; meanwhile A pushes.
        let flag = pair.root.url.appendingPathComponent("go").path
        let b = Process()
        b.executableURL = RecallProcess.executable
        b.arguments = ["sync", "--json", "--home", pair.b]
        var environment = ProcessInfo.processInfo.environment
        environment["RECALL_PAUSEPOINT"] = "sync.before-push=\(flag)"
        environment["RECALL_NOW"] = "2026-11-23T10:00:00Z"
        b.environment = environment
        let out = Pipe()
        b.standardOutput = out
        b.standardError = FileHandle.nullDevice
        try b.run()
        // B waits at the pause point until the flag exists; the flag is made on every way out.
        defer { _ = FileManager.default.createFile(atPath: flag, contents: nil) }
        let paused = Patience.poll { FileManager.default.fileExists(atPath: flag + ".paused") }
        try #require(paused, "recall sync never reached its pause point before pushing")
        try pair.sync(pair.a)
        _ = FileManager.default.createFile(atPath: flag, contents: nil)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        b.waitUntilExit()
        #expect(b.terminationStatus == 0)
        let report = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["sources"] as? [[String: Any]]
        #expect(report?.first?["push_retries"] as? Int == 1, "\(String(decoding: data, as: UTF8.self))")
        let remote = try pair.remoteFile()
        #expect(remote.contains("Answer x by A.") && remote.contains("Answer y by B."))
        try pair.sync(pair.a)
        #expect(try pair.back(pair.a, "y") == "Answer y by B.")
    }

    @Test("a malformed deck file arriving is reported with file:line; the rest is imported")
    func malformedFile() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try GitCLI.pushFromElsewhere(
            pair.remote,
            files: [
                "decks/d/cards.md":
                    "## Question x {#x}\nAnswer x, fixed upstream.\n\n## Question y {#y}\nAnswer y.\n\n## Question z {#z}\nAnswer z.\n",
                "decks/d/broken.md":
                    "## Good card {#good}\nFine.\n\n## Empty answer {#empty}\n\n## Bad id {#Bad_Id}\nText.\n",
            ], message: "upstream", scratch: pair.root)
        let result = try pair.sync(pair.a, expect: 1)
        let errors = result.firstSource["errors"] as? [String] ?? []
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains("broken.md:4:") && $0.contains("empty answer") }, "\(errors)")
        #expect(errors.contains { $0.contains("broken.md:6:") }, "\(errors)")
        #expect(try pair.back(pair.a, "x") == "Answer x, fixed upstream.")
        #expect(try pair.back(pair.a, "good") == "Fine.")
        // The broken file is read again at each sync until it is fixed.
        let again = try pair.sync(pair.a, expect: 1)
        #expect((again.firstSource["errors"] as? [String])?.count == 2)
        try GitCLI.pushFromElsewhere(
            pair.remote,
            files: ["decks/d/broken.md": "## Good card {#good}\nFine.\n\n## Empty answer {#empty}\nNow full.\n"],
            message: "fix", scratch: pair.root)
        try pair.sync(pair.a)
        #expect(try pair.back(pair.a, "empty") == "Now full.")
    }

    @Test(
        "a sync killed with SIGKILL midway is completed by the next one, nothing lost",
        arguments: [
            "sync.after-commit", "sync.after-fetch", "git.mid-checkout", "git.after-checkout", "sync.after-merge",
            "sync.after-import", "sync.before-push",
        ])
    func killedMidway(point: String) throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.b, "Answer y.", "Answer y by B.")
        try pair.sync(pair.b)
        try GitCLI.pushFromElsewhere(
            pair.remote, files: ["decks/d/more.md": "## Another {#another}\nMore.\n"], message: "more",
            scratch: pair.root)
        try pair.edit(pair.a, "Answer x.", "Answer x by A.")
        let killed = try pair.sync(pair.a, environment: ["RECALL_FAILPOINT": point], expect: nil)
        #expect(killed.status != 0 && killed.stdout.isEmpty, "\(point) was not reached")
        let next = try pair.sync(pair.a)
        #expect(next.firstSource["failure"] == nil, "\(next.stdout)")
        #expect(try pair.back(pair.a, "x") == "Answer x by A.")
        #expect(try pair.back(pair.a, "y") == "Answer y by B.")
        #expect(try pair.back(pair.a, "another") == "More.")
        let remote = try pair.remoteFile()
        #expect(remote.contains("Answer x by A.") && remote.contains("Answer y by B."), "\(remote)")
        let status = try GitCLI.run(["status", "--porcelain"], in: URL(fileURLWithPath: pair.a + "/sources/team"))
        #expect(status.isEmpty, "\(status)")
        #expect(!(try pair.read(pair.a)).contains("--conflict-"))
    }
}
