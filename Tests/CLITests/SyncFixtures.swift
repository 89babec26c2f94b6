import Foundation
import RecallTestSupport
import Testing

// The same fixtures as Tests/GitSyncTests/GitFixtures.swift: the two test targets share no
// support module of their own yet (RecallTestSupport is the place for them once both use it).

/// The `git` command line, used by tests only: to build fixture repositories independently of the
/// code under test and to check what that code wrote.
enum SyncGit {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Fixture"
        environment["GIT_AUTHOR_EMAIL"] = "fixture@example.com"
        environment["GIT_COMMITTER_NAME"] = "Fixture"
        environment["GIT_COMMITTER_EMAIL"] = "fixture@example.com"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "git \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A bare repository at `root/name.git` whose `main` holds `files`, committed with the CLI.
    static func bareRemote(in root: TemporaryFolder, name: String = "remote", files: [String: String]) throws -> URL {
        let bare = root.url.appendingPathComponent("\(name).git")
        try run(["init", "-q", "--bare", "-b", "main", bare.path])
        if files.isEmpty { return bare }
        let seed = root.url.appendingPathComponent("\(name)-seed")
        try run(["clone", "-q", bare.path, seed.path])
        try run(["checkout", "-q", "-b", "main"], in: seed)
        try commit(files, message: "seed", in: seed)
        try run(["push", "-q", "origin", "main"], in: seed)
        try FileManager.default.removeItem(at: seed)
        return bare
    }

    /// Writes `files` (nil content deletes) into a working copy and commits them.
    static func commit(_ files: [String: String?], message: String, in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            if let text {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        try run(["add", "-A"], in: folder)
        try run(["commit", "-q", "-m", message], in: folder)
    }

    /// Clones `remote` with the CLI, commits `files` and pushes: "someone else" moving the remote.
    static func pushFromElsewhere(
        _ remote: URL, files: [String: String?], message: String, scratch: TemporaryFolder
    ) throws {
        let other = scratch.url.appendingPathComponent("other-\(UUID().uuidString.prefix(6))")
        try run(["clone", "-q", remote.path, other.path])
        try commit(files, message: message, in: other)
        try run(["push", "-q", "origin", "HEAD:main"], in: other)
        try FileManager.default.removeItem(at: other)
    }
}

/// A `git daemon` serving the bare repositories of one folder on 127.0.0.1 and a free port, with
/// receive-pack enabled (pushes allowed). Call `stop()` in a `defer`.
final class SyncDaemon {
    let process = Process()
    let port: Int

    init(serving base: URL) throws {
        port = try Self.freePort()
        // The daemon binary itself, not the `git daemon` wrapper: terminating the wrapper would leave
        // its child serving.
        process.executableURL = URL(fileURLWithPath: try SyncGit.run(["--exec-path"]) + "/git-daemon")
        process.arguments = [
            "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
            "--port=\(port)", "--base-path=\(base.path)", base.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    func stop() {
        // SIGKILL: the test runner starts children with SIGTERM blocked, so terminate() is ignored.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.canConnect(port) { return }
            usleep(50_000)
        }
        stop()
        throw SyncGit.Failure(description: "git daemon did not start listening on port \(port)")
    }

    /// A port the kernel just handed out for an ephemeral bind, released for the daemon to take.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SyncGit.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw SyncGit.Failure(description: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

/// Two notebooks (two homes) sharing one deck remote, driven through the real `recall` binary.
struct TwoNotebooks {
    let root: TemporaryFolder
    let remote: URL
    let a: String
    let b: String

    /// A bare remote holding deck `d` (cards x, y, z in `d/cards.md`), subscribed by both homes.
    init(url: ((URL) -> String)? = nil, cards: String? = nil) throws {
        root = try TemporaryFolder("recall-sync")
        remote = try SyncGit.bareRemote(
            in: root,
            files: [
                "decks/d/deck.yaml": "deck: d\ntitle: Shared deck\n",
                "decks/d/cards.md": cards ?? TwoNotebooks.threeCards,
                "README.md": "# Shared decks\n",
            ])
        a = root.url.appendingPathComponent("home-a").path
        b = root.url.appendingPathComponent("home-b").path
        let address = url?(remote) ?? "file://" + remote.path
        for home in [a, b] {
            let added = try RecallProcess.run(
                ["source", "add", address, "--name", "team", "--path", "decks", "--home", home], home: nil)
            #expect(added.status == 0, "\(added.stderr)")
        }
    }

    static let threeCards =
        "## Question x {#x}\nAnswer x.\n\n## Question y {#y}\nAnswer y.\n\n## Question z {#z}\nAnswer z.\n"

    func cardsFile(_ home: String) -> URL {
        URL(fileURLWithPath: home).appendingPathComponent("sources/team/decks/d/cards.md")
    }

    func read(_ home: String) throws -> String { try String(contentsOf: cardsFile(home), encoding: .utf8) }

    /// Replaces `old` by `new` in the home's clone of the deck file, as an editor would.
    func edit(_ home: String, _ old: String, _ new: String) throws {
        let text = try read(home)
        #expect(text.contains(old), "\(old) not in \(text)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: cardsFile(home))
    }

    @discardableResult
    func sync(_ home: String, environment: [String: String] = [:], expect status: Int32? = 0) throws
        -> RecallProcess.Result
    {
        let result = try RecallProcess.run(["sync", "--json"], home: home, environment: environment)
        if let status { #expect(result.status == status, "sync: \(result.stderr)\n\(result.stdout)") }
        return result
    }

    /// The answer of card `d/<id>` as the notebook in `home` has it.
    func back(_ home: String, _ id: String) throws -> String {
        try RecallProcess.run(["show", "d/\(id)", "--json"], home: home).json["back"] as? String ?? "?"
    }

    /// The remote's version of the deck file.
    func remoteFile() throws -> String { try SyncGit.run(["show", "main:decks/d/cards.md"], in: remote) }

    func remove() { root.remove() }
}

extension RecallProcess.Result {
    /// The first source's report of a `sync --json`.
    var firstSource: [String: Any] { (json["sources"] as? [[String: Any]])?.first ?? [:] }
}
