import Foundation
import GitSync
import RecallTestSupport
import Testing

@Suite("GitSync: fetch, merge and push against real remotes")
struct RemoteTests {
    @Test("fetch reports progress, analysis says fast-forward, and the working tree follows")
    func fetchAndFastForward() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "a\n"])
        let repo = try GitRepository.clone(from: "file://" + remote.path, to: root.url.appendingPathComponent("w"))
        let before = try #require(try repo.headCommit())
        let files = Dictionary(
            uniqueKeysWithValues: (0..<30).map { ("f/\($0).md", "file \($0)\n") as (String, String?) })
        try GitCLI.pushFromElsewhere(remote, files: files, message: "thirty files", scratch: root)

        nonisolated(unsafe) var reports: [TransferProgress] = []
        let tip = try #require(try repo.fetch(branch: "main") { reports.append($0) })
        #expect(tip.hex == (try GitCLI.run(["rev-parse", "main"], in: remote)))
        let last = try #require(reports.last)
        #expect(last.totalObjects > 30 && last.receivedObjects == last.totalObjects)
        #expect(try repo.headCommit() == before)  // fetching alone moves nothing
        #expect(try repo.analyseMerge(with: tip) == .fastForward)
        #expect(try repo.aheadBehind(local: before, upstream: tip) == (0, 1))
        try repo.fastForward(to: tip)
        #expect(try repo.headCommit() == tip)
        #expect(try root.read("w/f/29.md") == "file 29\n")
        #expect(try repo.status().isEmpty)
        #expect(try repo.analyseMerge(with: tip) == .upToDate)
    }

    @Test("a three-way merge takes one-sided changes and hands both-sided ones to the merger")
    func threeWayMerge() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(
            in: root, files: ["both.md": "base\n", "mine.md": "m\n", "theirs.md": "t\n", "dropped.md": "d\n"])
        let repo = try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("w"))
        try root.write("w/both.md", "ours\n")
        try root.write("w/mine.md", "m2\n")
        try #require(try repo.commitAll(message: "ours"))
        try GitCLI.pushFromElsewhere(
            remote, files: ["both.md": "theirs\n", "theirs.md": "t2\n", "dropped.md": nil, "added.md": "new\n"],
            message: "theirs", scratch: root)
        let theirs = try #require(try repo.fetch(branch: "main"))
        #expect(try repo.analyseMerge(with: theirs) == .normal)

        nonisolated(unsafe) var calls: [[String?]] = []
        let outcome = try repo.merge(theirs: theirs, message: "merge") { path, base, ours, theirs in
            let text = { (data: Data?) in data.map { String(decoding: $0, as: UTF8.self) } }
            calls.append([path, text(base), text(ours), text(theirs)])
            return MergeResolution(contents: Data("ours+theirs\n".utf8), conflicts: ["kept both"])
        }
        #expect(calls == [["both.md", "base\n", "ours\n", "theirs\n"]])
        #expect(outcome.mergedFiles == ["both.md"])
        #expect(outcome.conflicts == ["both.md": ["kept both"]])
        #expect(try repo.headCommit() == outcome.commit)
        #expect(try root.read("w/both.md") == "ours+theirs\n")
        #expect(try root.read("w/mine.md") == "m2\n")
        #expect(try root.read("w/theirs.md") == "t2\n")
        #expect(try root.read("w/added.md") == "new\n")
        #expect(!FileManager.default.fileExists(atPath: root.url.appendingPathComponent("w/dropped.md").path))
        #expect(try repo.status().isEmpty)
        let parents = try GitCLI.run(["log", "-1", "--format=%P"], in: root.url.appendingPathComponent("w"))
        #expect(parents.split(separator: " ").count == 2 && parents.contains(theirs.hex))
        try repo.push(branch: "main")
        #expect(try GitCLI.run(["show", "main:both.md"], in: remote) == "ours+theirs")
    }

    @Test("a push after someone else pushed is rejected; fetch, merge and push again succeeds (file://)")
    func pushRejectedFile() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "a\n", "b.md": "b\n"])
        try rejectThenRetry(url: "file://" + remote.path, remote: remote, root: root)
    }

    @Test("the same over git daemon on 127.0.0.1 with receive-pack enabled")
    func pushRejectedDaemon() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "a\n", "b.md": "b\n"])
        let daemon = try GitDaemon(serving: root.url)
        defer { daemon.stop() }
        try rejectThenRetry(url: daemon.url("remote.git"), remote: remote, root: root)
    }

    private func rejectThenRetry(url: String, remote: URL, root: TemporaryFolder) throws {
        let one = try GitRepository.clone(from: url, to: root.url.appendingPathComponent("one"))
        let two = try GitRepository.clone(from: url, to: root.url.appendingPathComponent("two"))
        try root.write("one/a.md", "a by one\n")
        try #require(try one.commitAll(message: "one"))
        try one.push(branch: "main")
        try root.write("two/b.md", "b by two\n")
        try #require(try two.commitAll(message: "two"))
        do {
            try two.push(branch: "main")
            Issue.record("the second push was accepted")
        } catch let error as GitError {
            #expect(error.isPushRejection, "\(error)")
        }
        let tip = try #require(try two.fetch(branch: "main"))
        _ = try two.merge(theirs: tip, message: "merge") { _, _, ours, _ in MergeResolution(contents: ours) }
        try two.push(branch: "main")
        #expect(try GitCLI.run(["show", "main:a.md"], in: remote) == "a by one")
        #expect(try GitCLI.run(["show", "main:b.md"], in: remote) == "b by two")
    }

    @Test("an unreachable daemon and a deleted remote are reported as unavailable, nothing changed")
    func unreachable() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "a\n"])
        let port = try GitDaemon.freePort()  // nobody listens there
        #expect(throws: GitError.self) {
            try GitRepository.clone(
                from: "git://127.0.0.1:\(port)/remote.git", to: root.url.appendingPathComponent("x"))
        }
        let repo = try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("w"))
        let head = try repo.headCommit()
        try FileManager.default.removeItem(at: remote)
        for attempt in [
            { try repo.fetch(branch: "main") },
            {
                try repo.push(branch: "main"); return nil
            },
        ] {
            do {
                _ = try attempt()
                Issue.record("a deleted remote answered")
            } catch let error as GitError {
                guard case .remoteUnavailable = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
            }
        }
        #expect(try repo.headCommit() == head)
        #expect(try root.read("w/a.md") == "a\n")
    }
}
