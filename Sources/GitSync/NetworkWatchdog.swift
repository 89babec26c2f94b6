import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ends a libgit2 network call (clone, fetch, push) that goes `seconds` without a sign of life.
///
/// libgit2 1.5 has no connect or read timeout (GIT_OPT_SET_SERVER_TIMEOUT came with 1.7), and its
/// callbacks do not run while it is blocked in `connect()`, `recv()` or `poll()`. So a watchdog
/// thread measures the time since the last callback (`touch()`); once it passes the limit, it
/// interrupts the call two ways, repeated every 100 ms until the call returns:
/// - it sends the calling thread a signal whose handler does nothing and is installed without
///   SA_RESTART, so a blocked `connect()` or `recv()` fails with EINTR;
/// - it shuts down the TCP sockets the process opened since the call began, so reads return end of
///   file. This ends the ssh handshake too, which libgit2 retries on EINTR.
/// libgit2 then returns an error, which the caller reports as a timeout. Should the call still not
/// return `grace` seconds later, the process writes the error and exits with status 1 (the sync
/// lock is an flock: the kernel releases it).
final class NetworkWatchdog: @unchecked Sendable {  // mutable state is guarded by `condition`
    let seconds: Double
    let url: String
    let operation: String
    private let grace: Double = 10
    private let condition = NSCondition()
    private var lastActivity: UInt64
    private var running = true
    private var firedAt: UInt64?
    private let caller: pthread_t
    /// The TCP sockets open before the call (by inode): not the call's, never shut down.
    private let socketsBefore: Set<UInt64>

    /// The signal used to interrupt the caller; ignored by default, so a stray one does no harm.
    static let interruption = SIGURG

    private init(seconds: Double, url: String, operation: String) {
        self.seconds = seconds
        self.url = url
        self.operation = operation
        caller = pthread_self()
        socketsBefore = seconds > 0 ? Set(Self.tcpSockets().map(\.inode)) : []
        lastActivity = Self.now()
    }

    /// Whether the limit was reached (the call's failure is a timeout).
    var timedOut: Bool {
        condition.lock()
        defer { condition.unlock() }
        return firedAt != nil
    }

    /// Something happened (a callback ran): the silence starts again.
    func touch() {
        condition.lock()
        lastActivity = Self.now()
        condition.unlock()
    }

    /// Runs `body` (the libgit2 call) on this thread under a watchdog; `seconds` <= 0 runs it as is.
    static func guarding<T>(
        seconds: Double, url: String, operation: String, _ body: (NetworkWatchdog) -> T
    ) -> (result: T, timedOut: Bool) {
        _ = installHandler
        let watchdog = NetworkWatchdog(seconds: seconds, url: url, operation: operation)
        guard seconds > 0 else { return (body(watchdog), false) }
        var unblock = sigset_t()
        var previous = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, interruption)
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let thread = Thread { watchdog.watch() }
        thread.name = "recall-git-watchdog"
        thread.start()
        let result = body(watchdog)
        watchdog.condition.lock()
        watchdog.running = false  // from here on the caller is never signalled
        watchdog.condition.signal()
        watchdog.condition.unlock()
        return (result, watchdog.timedOut)
    }

    private func watch() {
        condition.lock()
        defer { condition.unlock() }
        while running {
            let now = Self.now()
            let idle = Double(now &- lastActivity) / 1e9
            if idle < seconds && firedAt == nil {
                _ = condition.wait(until: Date().addingTimeInterval(seconds - idle + 0.01))
                continue
            }
            if firedAt == nil { firedAt = now }
            if let firedAt, Double(now &- firedAt) / 1e9 > grace { abandon() }
            pthread_kill(caller, Self.interruption)
            for socket in Self.tcpSockets() where !socketsBefore.contains(socket.inode) {
                shutdown(socket.descriptor, Int32(SHUT_RDWR))
            }
            _ = condition.wait(until: Date().addingTimeInterval(0.1))
        }
    }

    /// The last resort: the interrupted call did not return. Say what happened and end the process.
    private func abandon() -> Never {
        let message =
            "recall: error: \(GitError.timedOut(url: RemoteURL.redacted(url), operation: operation, seconds: seconds).description)\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(1)
    }

    /// The handler that makes blocked system calls return EINTR; installed once per process.
    private static let installHandler: Void = {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: interrupted calls fail with EINTR
        sigaction(interruption, &action, nil)
    }()

    /// This process's open TCP sockets (IPv4 and IPv6 stream sockets), from /proc/self/fd.
    private static func tcpSockets() -> [(descriptor: Int32, inode: UInt64)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
        return names.compactMap { name in
            guard let fd = Int32(name) else { return nil }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK else { return nil }
            func option(_ name: Int32) -> Int32? {
                var value: Int32 = 0
                var size = socklen_t(MemoryLayout<Int32>.size)
                return getsockopt(fd, SOL_SOCKET, name, &value, &size) == 0 ? value : nil
            }
            guard let domain = option(SO_DOMAIN), domain == AF_INET || domain == AF_INET6,
                option(SO_TYPE) == Int32(SOCK_STREAM.rawValue)
            else { return nil }
            return (fd, UInt64(info.st_ino))
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
