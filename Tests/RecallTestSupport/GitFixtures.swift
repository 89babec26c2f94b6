import Foundation

/// The `git` command line, used by tests only: to build fixture repositories independently of the
/// code under test and to check what that code wrote.
public enum GitCLI {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    @discardableResult
    public static func run(_ arguments: [String], in folder: URL? = nil) throws -> String {
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
    public static func bareRemote(in root: TemporaryFolder, name: String = "remote", files: [String: String]) throws
        -> URL
    {
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
    public static func commit(_ files: [String: String?], message: String, in folder: URL) throws {
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
    public static func pushFromElsewhere(
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
public final class GitDaemon {
    let process = Process()
    public let port: Int

    public init(serving base: URL) throws {
        port = try Self.freePort()
        // The daemon binary itself, not the `git daemon` wrapper: terminating the wrapper would leave
        // its child serving.
        process.executableURL = URL(fileURLWithPath: try GitCLI.run(["--exec-path"]) + "/git-daemon")
        process.arguments = [
            "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
            "--port=\(port)", "--base-path=\(base.path)", base.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    public func stop() {
        // SIGKILL: the test runner starts children with SIGTERM blocked, so terminate() is ignored.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private func waitUntilListening() throws {
        // Stops early when the daemon exits (its port taken, say).
        _ = Patience.poll { Self.canConnect(port) || !process.isRunning }
        if Self.canConnect(port) { return }
        stop()
        throw GitCLI.Failure(description: "git daemon did not start listening on port \(port)")
    }

    /// A port the kernel just handed out for an ephemeral bind, released for the daemon to take.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw GitCLI.Failure(description: "socket() failed") }
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
        guard bound == 0 else { throw GitCLI.Failure(description: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public static func canConnect(_ port: Int) -> Bool {
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
