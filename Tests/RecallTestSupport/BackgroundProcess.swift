import Foundation
import Spawning

#if canImport(Glibc)
    import Glibc
#endif

/// A server started by a test (sshd, ssh-agent, an HTTP server) that runs in the foreground until
/// `stop()`. Started through Spawning, with an empty signal mask (the test runner blocks SIGTERM in its
/// children, and Foundation's `Process` can wait forever for a child whose own children outlive it),
/// under `timeout`, which gives it a process group of its own and ends it after `lifetime` seconds
/// even if the test process crashes before its `defer` runs. Its stdout and stderr go to `logFile`.
public final class BackgroundProcess: @unchecked Sendable {
    /// The pid of `timeout`, which is also the process group of the server and its children.
    public let pid: pid_t
    public let logFile: URL
    public let name: String
    private var stopped = false

    public init(_ argv: [String], environment: [String: String], logFile: URL, lifetime: Int = 1800) throws {
        name = URL(fileURLWithPath: argv[0]).lastPathComponent
        let argv = ["timeout", "--signal=KILL", String(lifetime)] + argv
        self.logFile = logFile
        // A server outlives the test that starts it: Spawning leaves it none of the process's other
        // files, such as a pipe another test is reading to end of file. `stop()` reaps it by pid.
        var spawn = Spawn(argv[0], Array(argv.dropFirst()), environment: environment)
        spawn.stdin = .null
        spawn.stdout = .append(path: logFile.path)
        spawn.stderr = .stdout
        do { pid = try spawn.start().pid } catch { throw ChildProcess.Failure(description: error.description) }
    }

    /// What the process wrote so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Whether the process has not exited yet (reaps it if it has).
    public var isRunning: Bool {
        guard !stopped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            stopped = true
            return false
        }
        return true
    }

    /// Ends the server: SIGTERM to `timeout`, which passes it on and waits for the server; SIGKILL to
    /// the whole group if that takes more than 3 s, and to whatever the server forked and left; then
    /// reaps `timeout`. The group is signalled before the reaping, while its id cannot be reused.
    /// Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            var info = siginfo_t()  // si_pid stays 0 while nothing has exited
            guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
                info._sifields._sigchld.si_pid == 0
            else { break }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Waits up to `seconds` (generous by default: see `Patience`) for `condition`; throws with the
    /// log when it never holds or the process died.
    public func wait(seconds: Double = Patience.standard, for what: String, until condition: () -> Bool) throws {
        var exited = false
        let held = Patience.poll(for: seconds, every: 0.02) {
            if condition() { return true }
            exited = !isRunning
            return exited
        }
        if held && !exited { return }
        if exited {
            throw ChildProcess.Failure(description: "\(name) exited before \(what); its output:\n\(log)")
        }
        stop()
        throw ChildProcess.Failure(description: "\(name) did not get to \(what) in \(seconds) s; its output:\n\(log)")
    }
}

/// Ports on 127.0.0.1 for servers started by tests.
public enum LocalPort {
    /// A port the kernel just handed out for an ephemeral bind, released for the server to take.
    public static func free() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ChildProcess.Failure(description: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw ChildProcess.Failure(description: "bind() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }
}
