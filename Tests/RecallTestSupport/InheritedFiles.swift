import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps a spawned child from inheriting the test process's other files and blocked signals. Tests run in parallel, and
/// Foundation's pipes are not close-on-exec: a tmux server or a test server spawned by one test
/// while another reads a `recall` run's output would hold that pipe's write end, and the reader
/// would wait for end of file until the server exits.
enum InheritedFiles {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not
    /// export; looked up once.
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// Adds to `actions` the closing of every file descriptor from 3 up, after the dup2 actions
    /// already added. Without glibc's closefrom, closes those open now.
    static func closeAll(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        for fd in Int32(3)..<Int32(4096) where fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Sets `attributes` so the child starts with no signal blocked and default handlers: the test
    /// process's threads block most signals, and a tmux server or test server inheriting that mask
    /// ignores kill-server, SIGHUP and SIGTERM.
    static func defaultSignals(_ attributes: inout posix_spawnattr_t) {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }
}
