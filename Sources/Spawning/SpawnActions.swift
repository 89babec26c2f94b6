#if canImport(Glibc)
    import Glibc
#endif

/// The posix_spawn set-up steps that Swift's Glibc module does not offer directly.
enum SpawnActions {
    private typealias FileActionInt = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias FileActionPath =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, looked up once (not exported to Swift).
    private static let closeFrom: FileActionInt? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: FileActionInt.self)
    }()

    /// glibc 2.29's `posix_spawn_file_actions_addchdir_np`, looked up once (not exported to Swift).
    private static let changeDirectory: FileActionPath? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
        else { return nil }
        return unsafeBitCast(symbol, to: FileActionPath.self)
    }()

    /// glibc's POSIX_SPAWN_SETSID (2.26; a GNU extension the Glibc module leaves out): setsid(2) in
    /// the child, before the file actions, so a terminal opened by them becomes its controlling one.
    static let setSessionFlag: Int16 = 0x80

    /// Adds the closing of every file descriptor from 3 up, after the actions already added. Without
    /// glibc's closefrom, closes those open now.
    static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        for fd in Int32(3)..<Int32(4096) where fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Adds a change of the working folder, before the actions added next.
    static func changeDirectory(
        _ actions: inout posix_spawn_file_actions_t, to directory: String, for executable: String
    ) throws(SpawnError) {
        guard let changeDirectory else {
            throw SpawnError(
                executable: executable, what: "change the working folder (no addchdir_np) for", code: ENOSYS)
        }
        let code = changeDirectory(&actions, directory)
        if code != 0 { throw SpawnError(executable: executable, what: "change the working folder for", code: code) }
    }

    /// Sets the child to start with no signal blocked and every handler at its default, and returns
    /// the flags that say so: threads of this process may block signals (a test runner does), and a
    /// child inheriting that mask would ignore SIGTERM and SIGHUP.
    static func defaultSignals(_ attributes: inout posix_spawnattr_t) -> Int16 {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        return Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    }
}
