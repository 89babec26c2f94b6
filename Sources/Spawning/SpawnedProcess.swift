#if canImport(Glibc)
    import Glibc
#endif

/// A started child and this process's ends of its pipes (each closed by this object). The child stays
/// unreaped until `wait()`, so a signal sent to it before then reaches it, or its zombie, and never a
/// process that took over its id.
public final class SpawnedProcess {
    public let pid: pid_t
    /// This process's ends of the pipes made for `Spawn.Stream.pipe`, until closed.
    public private(set) var stdin: Int32?
    public private(set) var stdout: Int32?
    public private(set) var stderr: Int32?
    private var ended: Termination?

    init(pid: pid_t, stdin: Int32?, stdout: Int32?, stderr: Int32?) {
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    deinit {
        for fd in [stdin, stdout, stderr] { if let fd { close(fd) } }
    }

    /// What `collect` read, and why it stopped early if it did.
    public struct Output: Sendable {
        public var stdout: [UInt8] = []
        public var stderr: [UInt8] = []
        /// The deadline passed before both pipes reached their end.
        public var timedOut = false
        /// stdout and stderr together passed the limit.
        public var exceededLimit = false

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Closes the pipe to the child's stdin, so it reads end of file.
    public func closeStdin() {
        if let stdin { close(stdin) }
        stdin = nil
    }

    /// Reads the stdout and stderr pipes until both reach their end, or `deadline` (in
    /// `monotonicNanoseconds`) passes, or together they hold more than `limit` bytes; then closes them.
    public func collect(deadline: UInt64? = nil, limit: Int = .max) -> Output {
        var output = Output()
        var open = [stdout, stderr].compactMap { $0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            var timeout: Int32 = -1
            if let deadline {
                let now = Self.monotonicNanoseconds()
                if now >= deadline {
                    output.timedOut = true
                    break
                }
                timeout = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&fds, nfds_t(fds.count), timeout) <= 0 { continue }
            for entry in fds where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == stdout { output.stdout += buffer[0..<n] } else { output.stderr += buffer[0..<n] }
                if output.stdout.count + output.stderr.count > limit {
                    output.exceededLimit = true
                    open.removeAll()
                }
            }
        }
        for fd in [stdout, stderr] { if let fd { close(fd) } }
        stdout = nil
        stderr = nil
        return output
    }

    /// Sends `signal` to the child, or with `toGroup` to its process group (`Spawn.ProcessGroup.new`).
    /// To the child alone, does nothing once it was reaped, when its id may belong to another process;
    /// a group keeps its id while any member lives, so it can still reach descendants left behind.
    public func signal(_ signal: Int32, toGroup: Bool = false) {
        guard ended == nil || toGroup else { return }
        kill(toGroup ? -pid : pid, signal)
    }

    /// Whether the child has ended (reaping it if so), without waiting.
    public var hasEnded: Bool {
        if ended != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        ended = Termination(waitStatus: status)
        return true
    }

    /// Waits for the child to end and reaps it; again, returns the same answer.
    @discardableResult
    public func wait() -> Termination {
        if let ended { return ended }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let termination = Termination(waitStatus: status)
        ended = termination
        return termination
    }

    /// CLOCK_MONOTONIC in nanoseconds, the clock of `collect`'s deadline.
    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
