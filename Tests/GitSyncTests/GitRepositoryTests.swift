import Foundation
import GitSync
import RecallTestSupport
import Testing

@Suite("GitSync: local repositories")
struct GitRepositoryTests {
    @Test("clone checks out the default branch or the one asked for")
    func cloneBranches() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "on main\n"])
        let seed = root.url.appendingPathComponent("seed")
        try GitCLI.run(["clone", "-q", remote.path, seed.path])
        try GitCLI.run(["checkout", "-q", "-b", "study"], in: seed)
        try GitCLI.commit(["a.md": "on study\n"], message: "study", in: seed)
        try GitCLI.run(["push", "-q", "origin", "study"], in: seed)

        let main = try GitRepository.clone(from: "file://" + remote.path, to: root.url.appendingPathComponent("m"))
        #expect(try main.currentBranch() == "main")
        #expect(try root.read("m/a.md") == "on main\n")
        let study = try GitRepository.clone(
            from: remote.path, to: root.url.appendingPathComponent("s"), branch: "study")
        #expect(try study.currentBranch() == "study")
        #expect(try root.read("s/a.md") == "on study\n")
        #expect(try study.headCommit()?.hex == GitCLI.run(["rev-parse", "study"], in: remote))

        #expect(throws: GitError.self) {
            try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("x"), branch: "nope")
        }
        #expect(!FileManager.default.fileExists(atPath: root.url.appendingPathComponent("x").path))
    }

    @Test("status and commitAll stage additions, edits and deletions; an empty commit is skipped")
    func statusAndCommit() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["keep.md": "k\n", "edit.md": "1\n", "gone.md": "g\n"])
        let repo = try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("w"))
        #expect(try repo.status().isEmpty)
        #expect(try repo.commitAll(message: "nothing") == nil)

        try root.write("w/edit.md", "2\n")
        try root.write("w/sub/new.md", "n\n")
        try FileManager.default.removeItem(at: root.url.appendingPathComponent("w/gone.md"))
        let status = try repo.status()
        #expect(
            status == [
                StatusEntry(path: "edit.md", change: .modified), StatusEntry(path: "gone.md", change: .deleted),
                StatusEntry(path: "sub/new.md", change: .added),
            ])
        let signature = GitSignature(
            name: "Tester", email: "t@example.com", time: Date(timeIntervalSince1970: 1_800_000_000))
        let commit = try #require(try repo.commitAll(message: "local edits", signature: signature))
        #expect(try repo.status().isEmpty)
        #expect(try repo.headCommit() == commit)
        let work = root.url.appendingPathComponent("w")
        #expect(
            try GitCLI.run(["log", "-1", "--format=%an <%ae> %at %s"], in: work)
                == "Tester <t@example.com> 1800000000 local edits")
        #expect(
            try GitCLI.run(["show", "--name-status", "--format=", "HEAD"], in: work)
                == "M\tedit.md\nD\tgone.md\nA\tsub/new.md")
    }

    @Test("tree diff lists added, modified and deleted paths between two commits")
    func treeDiff() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "a\n", "b.md": "b\n"])
        let repo = try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("w"))
        let first = try #require(try repo.headCommit())
        try root.write("w/a.md", "a2\n")
        try root.write("w/d/c.md", "c\n")
        try FileManager.default.removeItem(at: root.url.appendingPathComponent("w/b.md"))
        let second = try #require(try repo.commitAll(message: "change"))
        let changes = try repo.diff(from: first, to: second)
        #expect(changes.map(\.path) == ["a.md", "b.md", "d/c.md"])
        #expect(changes.map(\.change) == [.modified, .deleted, .added])
        #expect(changes[1].newBlob == nil && changes[2].oldBlob == nil)
        #expect(try repo.diff(from: nil, to: first).map(\.path) == ["a.md", "b.md"])
        #expect(try repo.diff(from: second, to: second).isEmpty)
        #expect(try repo.fileContents("a.md", at: first) == Data("a\n".utf8))
        #expect(try repo.fileContents("missing.md", at: first) == nil)
    }

    @Test("an empty remote clones to the unborn main; the first commit and push create the branch")
    func emptyRemote() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: [:])
        let repo = try GitRepository.clone(from: "file://" + remote.path, to: root.url.appendingPathComponent("w"))
        #expect(try repo.headCommit() == nil)
        #expect(try repo.currentBranch() == "main")
        #expect(try repo.fetch(branch: "main") == nil)
        try root.write("w/events/dev.jsonl", "{}\n")
        let commit = try #require(try repo.commitAll(message: "first"))
        try repo.push(branch: "main")
        #expect(try GitCLI.run(["rev-parse", "main"], in: remote) == commit.hex)
    }

    @Test("open refuses a folder that is not a repository; a missing remote is unavailable")
    func errors() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        #expect(throws: GitError.notARepository(path: root.path)) { try GitRepository.open(at: root.url) }
        do {
            _ = try GitRepository.clone(
                from: root.url.appendingPathComponent("missing.git").path, to: root.url.appendingPathComponent("w"))
            Issue.record("clone of a missing remote succeeded")
        } catch let error as GitError {
            guard case .remoteUnavailable(_, let operation, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(operation == "clone")
            #expect(!message.isEmpty)
            #expect(error.description.contains("missing.git"))
        }
    }

    @Test("a killed HEAD move is finished by the next process, and stale lock files are cleared")
    func interruptedMove() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let remote = try GitCLI.bareRemote(in: root, files: ["a.md": "old a\n", "b.md": "b\n"])
        let repo = try GitRepository.clone(from: remote.path, to: root.url.appendingPathComponent("w"))
        let old = try #require(try repo.headCommit())
        try GitCLI.pushFromElsewhere(remote, files: ["a.md": "new a\n"], message: "new", scratch: root)
        let target = try #require(try repo.fetch(branch: "main"))
        // What a kill halfway through the checkout leaves: the journal, a half-written file, a lock.
        try Data("\(old.hex) \(target.hex)\n".utf8).write(to: repo.gitDirectory.appendingPathComponent("RECALL_MOVE"))
        try root.write("w/a.md", "new")
        try root.write("w/.git/index.lock", "")
        #expect(throws: GitError.self) { try repo.commitAll(message: "blocked by the lock") }
        #expect(repo.removeStaleLocks().count == 1)
        #expect(try repo.finishInterruptedMove())
        #expect(try repo.headCommit() == target)
        #expect(try root.read("w/a.md") == "new a\n")
        #expect(try repo.status().isEmpty)
        #expect(try repo.finishInterruptedMove() == false)
    }
}

@Suite("GitSync: transports and credentials")
struct TransportTests {
    @Test("dangerous and unknown transports are refused with a clear message")
    func refused() {
        for url in ["ext::sh -c touch% /tmp/pwned", "fd::17", "ftp://host/repo.git", "-uupload-pack=evil", "", "a\nb"] {
            do {
                try RemoteURL.validate(url)
                Issue.record("accepted \(url)")
            } catch let error as GitError {
                guard case .unsupportedTransport = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(error.description.contains("refusing remote"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("paths, file, git, ssh, scp-like, https and http URLs are accepted")
    func accepted() throws {
        for url in [
            "/srv/decks/llm.git", "../decks.git", "file:///srv/decks.git", "git://127.0.0.1:9418/d.git",
            "ssh://git@example.com/d.git", "git@example.com:team/d.git", "https://example.com/d.git",
            "http://192.168.1.5/d.git",
        ] {
            try RemoteURL.validate(url)
        }
    }

    @Test("a clone through ext:: is refused before libgit2 sees it")
    func cloneRefused() throws {
        let root = try TemporaryFolder("gitsync")
        defer { root.remove() }
        let marker = root.url.appendingPathComponent("pwned")
        #expect(throws: GitError.self) {
            try GitRepository.clone(from: "ext::sh -c touch% \(marker.path)", to: root.url.appendingPathComponent("w"))
        }
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test("secrets never appear in URLs shown or in the credentials' description")
    func secretsHidden() {
        #expect(RemoteURL.redacted("https://ann:s3cret@example.com/d.git") == "https://ann:***@example.com/d.git")
        #expect(RemoteURL.redacted("https://tok@example.com/d.git") == "https://tok@example.com/d.git")
        #expect(RemoteURL.redacted("git@example.com:d.git") == "git@example.com:d.git")
        // Found by Fuzz/ (fuzz-known-hosts): with no user, the password was shown as the user.
        #expect(RemoteURL.redacted("https://:s3cret@example.com/d.git") == "https://:***@example.com/d.git")
        let credentials = GitCredentials.fromEnvironment([
            "RECALL_GIT_TOKEN": "ghp_secret", "RECALL_GIT_PASSWORD": "hunter2", "RECALL_GIT_USERNAME": "ann",
        ])
        #expect(credentials.token == "ghp_secret")
        for text in [credentials.description, "\(credentials)", String(reflecting: credentials)] {
            #expect(!text.contains("ghp_secret") && !text.contains("hunter2"))
        }
        let error = GitError.authenticationFailed(
            url: RemoteURL.redacted("https://ann:hunter2@h/d.git"), message: "401")
        #expect(!error.description.contains("hunter2"))
    }
}
