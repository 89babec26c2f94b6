#if canImport(Glibc)
    import Glibc
#endif

/// How to start one child process with posix_spawn: its argv, environment, working folder, where its
/// standard streams go, and its process group. By default the child holds none of this process's
/// other files and starts with no signal blocked and default handlers, whatever this process set.
public struct Spawn: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable, Equatable {
        /// The same file as this process's.
        case inherit
        /// /dev/null.
        case null
        /// A new pipe; this process holds the other end (`SpawnedProcess.stdin`/`stdout`/`stderr`).
        case pipe
        /// A file opened for appending (created with mode 0644), for output streams.
        case append(path: String)
        /// A terminal (a pseudo-terminal's slave) opened for reading and writing; in a new session
        /// (`ProcessGroup.newSession`), as stdin, it becomes the child's controlling terminal.
        case terminal(path: String)
        /// Where the child's stdin goes (for stdout and stderr).
        case stdin
        /// Where the child's stdout goes (for stderr only).
        case stdout
    }

    /// Which process group the child joins.
    public enum ProcessGroup: Sendable, Equatable {
        /// This process's group: the child shares its terminal and its job-control signals.
        case inherit
        /// A new group led by the child, so `signal(_:toGroup:)` reaches every descendant.
        case new
        /// A new session (and group) led by the child, with no controlling terminal until its stdin
        /// opens one (`Stream.terminal`).
        case newSession
        // A later `.foreground(terminal:)` (a new group that owns the terminal while it runs) fits here.
    }

    /// The program: a path, or a name looked up in PATH.
    public var executable: String
    /// The arguments after argv[0], which is `executable`.
    public var arguments: [String]
    /// The whole environment, or nil for this process's.
    public var environment: [String: String]?
    /// The working folder, or nil for this process's.
    public var directory: String?
    public var stdin: Stream = .inherit
    public var stdout: Stream = .inherit
    public var stderr: Stream = .inherit
    public var processGroup: ProcessGroup = .inherit
    /// Whether files other than 0, 1 and 2 are closed in the child (default): a pipe another thread
    /// reads to end of file must not stay open in a child that outlives its writer.
    public var closesOtherFiles = true

    public init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
        directory: String? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
    }

    /// Starts the child. It stays unreaped until `SpawnedProcess.wait()`.
    public func start() throws(SpawnError) -> SpawnedProcess {
        var pipes = Pipes()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        do {
            if let directory { try SpawnActions.changeDirectory(&actions, to: directory, for: executable) }
            try pipes.redirect(&actions, stdin, fd: 0, for: executable)
            try pipes.redirect(&actions, stdout, fd: 1, for: executable)
            try pipes.redirect(&actions, stderr, fd: 2, for: executable)
        } catch {
            pipes.closeAll()
            throw error
        }
        if closesOtherFiles { SpawnActions.closeFrom3(&actions) }
        var flags = SpawnActions.defaultSignals(&attributes)
        switch processGroup {
        case .inherit:
            break
        case .new:
            flags |= Int16(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        case .newSession:
            flags |= SpawnActions.setSessionFlag
        }
        posix_spawnattr_setflags(&attributes, flags)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code =
            if let envp { posix_spawnp(&pid, executable, &actions, &attributes, argv, envp) } else {
                posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
            }
        pipes.closeChildEnds()
        guard code == 0 else {
            pipes.closeAll()
            throw SpawnError(executable: executable, what: "start", code: code)
        }
        return SpawnedProcess(pid: pid, stdin: pipes.parent[0], stdout: pipes.parent[1], stderr: pipes.parent[2])
    }

    /// Starts the child and waits for it to end.
    public func run() throws(SpawnError) -> Termination {
        try start().wait()
    }

    /// Starts the child with stdout and stderr captured (unless redirected elsewhere), reads both to
    /// their end and waits for it.
    public func output() throws(SpawnError) -> (termination: Termination, stdout: String, stderr: String) {
        var spawn = self
        if spawn.stdout == .inherit { spawn.stdout = .pipe }
        if spawn.stderr == .inherit { spawn.stderr = .pipe }
        let child = try spawn.start()
        let output = child.collect()
        return (child.wait(), output.stdoutText, output.stderrText)
    }
}

/// Could not start (or set up) a child process.
public struct SpawnError: Error, CustomStringConvertible, Equatable {
    public var executable: String
    public var what: String
    /// The errno value.
    public var code: Int32

    public var description: String {
        "cannot \(what) \(executable): \(String(cString: strerror(code)))"
    }
}

/// The pipes made for one spawn: the child's ends (closed in this process once it started) and
/// this process's ends, by the child's fd number.
private struct Pipes {
    var child: [Int32] = [-1, -1, -1]
    var parent: [Int32?] = [nil, nil, nil]

    mutating func redirect(
        _ actions: inout posix_spawn_file_actions_t, _ stream: Spawn.Stream, fd: Int32, for executable: String
    ) throws(SpawnError) {
        switch stream {
        case .inherit:
            break
        case .null:
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        case .append(let path):
            posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        case .terminal(let path):
            posix_spawn_file_actions_addopen(&actions, fd, path, O_RDWR, 0)
        case .stdin:
            posix_spawn_file_actions_adddup2(&actions, 0, fd)
        case .stdout:
            posix_spawn_file_actions_adddup2(&actions, 1, fd)
        case .pipe:
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                throw SpawnError(executable: executable, what: "make a pipe for", code: errno)
            }
            // Close-on-exec at once: a child another thread spawns meanwhile must not inherit either end.
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            let (childEnd, parentEnd) = fd == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
            child[Int(fd)] = childEnd
            parent[Int(fd)] = parentEnd
            posix_spawn_file_actions_adddup2(&actions, childEnd, fd)
        }
    }

    mutating func closeChildEnds() {
        for i in child.indices where child[i] >= 0 {
            close(child[i])
            child[i] = -1
        }
    }

    mutating func closeAll() {
        closeChildEnds()
        for i in parent.indices {
            if let fd = parent[i] { close(fd) }
            parent[i] = nil
        }
    }
}
