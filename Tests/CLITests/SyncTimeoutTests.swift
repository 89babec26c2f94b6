import Foundation
import RecallTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

private struct SilentServerFailure: Error {}

/// A TCP server on 127.0.0.1 that accepts every connection and never sends a byte; or, with
/// `full`, one whose accept queue is full, so that new connections never complete (the kernel
/// drops their SYNs): a connect that hangs.
private final class SilentServer: @unchecked Sendable {  // after init, `held` is only touched by the accept thread
    let port: Int
    private let listener: Int32
    private var held: [Int32] = []  // accepted connections
    private var fillers: [Int32] = []  // the connections filling the queue

    init(full: Bool = false) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0, listen(fd, full ? 0 : 16) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard fd >= 0, bound == 0 else { throw SilentServerFailure() }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        if full {
            // Fill the queue, then check that one more connection does stall.
            for _ in 0..<3 { fillers.append(Self.startConnecting(to: port)) }
            usleep(200_000)
            let probe = Self.startConnecting(to: port)
            defer { close(probe) }
            var poll = pollfd(fd: probe, events: Int16(POLLOUT), revents: 0)
            guard Glibc.poll(&poll, 1, 500) == 0 else { throw SilentServerFailure() }
            return
        }
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { break }  // the listener was shut down
                held.append(client)
            }
            held.forEach { close($0) }
        }
        thread.start()
    }

    /// A non-blocking socket connecting to 127.0.0.1:`port`.
    private static func startConnecting(to port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return fd
    }

    func stop() {
        fillers.forEach { close($0) }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

@Suite("Sync: a remote that accepts the connection and never answers")
struct SyncTimeoutTests {
    /// Runs `recall ARGS` with RECALL_GIT_TIMEOUT=2 under `timeout`, which kills it (status 137)
    /// if it is still running after a deadline far above the 2 s limit.
    private func recall(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["RECALL_GIT_TIMEOUT"] = "2"
        environment["NO_COLOR"] = "1"
        return try ChildProcess.run(
            ["timeout", "--signal=KILL", "120", RecallProcess.executable.path] + arguments, environment: environment)
    }

    @Test(
        "source add gives up with an error naming the URL, exit 1",
        arguments: [
            "git://127.0.0.1:PORT/decks.git", "http://127.0.0.1:PORT/decks.git", "ssh://git@127.0.0.1:PORT/decks.git",
        ])
    func sourceAdd(template: String) throws {
        let server = try SilentServer()
        defer { server.stop() }
        let home = try TemporaryFolder("recall-timeout")
        defer { home.remove() }
        let url = template.replacingOccurrences(of: "PORT", with: "\(server.port)")
        let added = try recall(["source", "add", url, "--name", "team", "--home", home.path])
        #expect(added.status == 1, "\(added.output)")
        #expect(added.output.contains("cannot clone \(url)"), "\(added.output)")
        #expect(
            added.output.contains("no answer for 2 s") && added.output.contains("RECALL_GIT_TIMEOUT"), "\(added.output)"
        )
        #expect(!FileManager.default.fileExists(atPath: home.path + "/sources/team"))
    }

    @Test(
        "source add gives up on a connection that never completes, exit 1",
        arguments: [
            "git://127.0.0.1:PORT/decks.git", "http://127.0.0.1:PORT/decks.git", "ssh://git@127.0.0.1:PORT/decks.git",
        ])
    func connectTimeout(template: String) throws {
        let server = try SilentServer(full: true)
        defer { server.stop() }
        let home = try TemporaryFolder("recall-timeout")
        defer { home.remove() }
        let url = template.replacingOccurrences(of: "PORT", with: "\(server.port)")
        let added = try recall(["source", "add", url, "--name", "team", "--home", home.path])
        #expect(added.status == 1, "\(added.output)")
        #expect(added.output.contains("cannot clone \(url): no answer for 2 s"), "\(added.output)")
    }

    @Test("sync gives up on a silent remote, releases the lock, and the next sync runs")
    func syncReleasesTheLock() throws {
        let server = try SilentServer()
        defer { server.stop() }
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let clone = URL(fileURLWithPath: pair.a + "/sources/team")
        for scheme in ["git", "http"] {
            let url = "\(scheme)://127.0.0.1:\(server.port)/remote.git"
            try GitCLI.run(["remote", "set-url", "origin", url], in: clone)
            for _ in 0..<2 {  // the second is not refused: the first released sync.lock
                let stalled = try recall(["sync", "--json", "--home", pair.a])
                #expect(stalled.status == 1, "\(stalled.output)")
                #expect(stalled.output.contains("cannot fetch from \(url): no answer for 2 s"), "\(stalled.output)")
                #expect(!stalled.output.contains("another recall sync is running"), "\(stalled.output)")
            }
        }
        try GitCLI.run(["remote", "set-url", "origin", pair.remote.path], in: clone)
        try pair.edit(pair.a, "Answer x.", "Answer x, after the stall.")
        let next = try pair.sync(pair.a)
        #expect(next.firstSource["pushed"] as? Int == 1, "\(next.stdout)")
    }
}
