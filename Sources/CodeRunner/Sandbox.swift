import Foundation
import Spawning

#if canImport(Glibc)
    import Glibc
#endif

/// Runs untrusted programs: bubblewrap (no network, no home, a throw-away root, only the run folder
/// writable) plus rlimits set by `prlimit` inside it, a wall-clock kill of the whole process group and
/// an output cap. Without bwrap it runs under the rlimits only, and says so.
public struct Sandbox: Sendable {
    public struct Limits: Sendable {
        public var cpuSeconds: Double
        public var memoryBytes: Int
        public var outputBytes: Int
        public var fileBytes = 1 << 20
        public var openFiles = 64
        /// Processes on top of those the user already runs (RLIMIT_NPROC counts them all).
        public var extraProcesses = 64
        public var wallSeconds: Double { max(cpuSeconds * 3, 1) }

        public init(cpuSeconds: Double, memoryBytes: Int, outputBytes: Int) {
            self.cpuSeconds = cpuSeconds
            self.memoryBytes = memoryBytes
            self.outputBytes = outputBytes
        }
    }

    public struct Outcome: Sendable {
        public var status: Int32?
        public var signal: Int32?
        public var timedOut: Bool
        public var outputExceeded: Bool
        public var stdout: String
        public var stderr: String
        public var wallMs: Int

        public init(
            status: Int32?, signal: Int32?, timedOut: Bool, outputExceeded: Bool, stdout: String, stderr: String,
            wallMs: Int
        ) {
            self.status = status
            self.signal = signal
            self.timedOut = timedOut
            self.outputExceeded = outputExceeded
            self.stdout = stdout
            self.stderr = stderr
            self.wallMs = wallMs
        }
    }

    /// bwrap's path, or nil to run without it (`RECALL_BWRAP` overrides; an empty value disables it).
    public var bwrap: String?
    /// Read-only folders the program needs beyond /usr (e.g. the Swift toolchain).
    public var readOnly: [String]

    /// When Recall runs as root: the unprivileged uid the code runs as (distinct per concurrent
    /// check, because RLIMIT_NPROC counts every process of that uid).
    public var unprivilegedUID: uid_t = Sandbox.nobody

    /// Multiplies every wall-clock limit; 1 unless a test on a slow or busy machine asks for more
    /// (`RECALL_WALL_CLOCK_FACTOR`), so that a correct solution cannot time out there.
    public var wallClockFactor: Double

    public init(
        bwrap: String? = Sandbox.findBwrap(), readOnly: [String] = [],
        wallClockFactor: Double = Sandbox.wallClockFactor()
    ) {
        self.bwrap = bwrap
        self.readOnly = readOnly
        self.wallClockFactor = max(wallClockFactor, 1)
    }

    /// `RECALL_WALL_CLOCK_FACTOR` when it is a number from 1 to 1000, else 1: it can only give code
    /// more time, never less, and the CPU limit applies all the same.
    public static func wallClockFactor(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        guard let raw = environment["RECALL_WALL_CLOCK_FACTOR"], let factor = Double(raw), (1...1000).contains(factor)
        else { return 1 }
        return factor
    }

    public static func findBwrap(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let override = environment["RECALL_BWRAP"] { return override.isEmpty ? nil : override }
        for path in ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    public var isIsolated: Bool { bwrap != nil }

    /// The unprivileged account untrusted code runs as when Recall itself runs as root: the kernel
    /// does not apply RLIMIT_NPROC to root, so a fork bomb would otherwise be unbounded.
    static let nobody: uid_t = 65534

    /// Runs `argv` with `folder` as its working (and only writable) folder; `environment` is added
    /// to the little the program gets (PATH, HOME, LANG).
    public func run(_ argv: [String], in folder: URL, limits: Limits, environment: [String: String] = [:]) throws
        -> Outcome
    {
        let asRoot = getuid() == 0
        var dropRoot: [String] = []
        if asRoot {
            let uid = unprivilegedUID
            dropRoot = ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups"]
            chmod(folder.path, 0o777)
        }
        let rlimits = [
            "/usr/bin/prlimit", "--cpu=\(Int(limits.cpuSeconds.rounded(.up)))", "--as=\(limits.memoryBytes)",
            "--fsize=\(limits.fileBytes)", "--nofile=\(limits.openFiles)",
            "--nproc=\(Self.processCount(uid: asRoot ? unprivilegedUID : getuid()) + limits.extraProcesses)",
            "--core=0", "--",
        ]
        var command: [String]
        if let bwrap {
            command =
                dropRoot + [
                    bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                    "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/work", "--setenv", "LANG", "C.UTF-8",
                    "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin", "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                ]
            for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
                command += ["--setenv", name, value]
            }
            for path in readOnly { command += ["--ro-bind", path, path] }
            command += ["--bind", folder.path, "/work", "--chdir", "/work", "--cap-drop", "ALL", "--"]
        } else {
            command = dropRoot + ["/usr/bin/env", "-C", folder.path]
        }
        command += rlimits + argv
        return try spawn(command, directory: folder, limits: limits, extra: environment)
    }

    /// Throws `RunnerError.sandboxUnavailable` unless a trivial program runs in this sandbox, set
    /// up as a check's would be: a missing or broken bwrap (or prlimit) must be told as a setup
    /// problem, never blamed on the learner's solution.
    public func verifyStarts(in folder: URL) throws {
        if let bwrap, !FileManager.default.isExecutableFile(atPath: bwrap) {
            throw RunnerError.sandboxUnavailable("bwrap is set to \(bwrap), which is not an executable file")
        }
        let probe: Outcome
        do {
            probe = try run(
                ["/usr/bin/true"], in: folder,
                limits: Limits(cpuSeconds: 5, memoryBytes: 256 << 20, outputBytes: 64 << 10))
        } catch let error as RunnerError {
            throw RunnerError.sandboxUnavailable(error.description)
        }
        guard probe.status != 0 || probe.signal != nil || probe.timedOut else { return }
        let said = (probe.stderr + probe.stdout).split(separator: "\n").prefix(3).joined(separator: "; ")
        let how = probe.signal.map { "was killed by signal \($0)" } ?? "exited with status \(probe.status ?? -1)"
        throw RunnerError.sandboxUnavailable(
            "\(bwrap ?? "the resource-limit wrapper (prlimit)") \(how) before running any code\(said.isEmpty ? "" : ": \(said)")"
        )
    }

    /// Processes `uid` runs now (for a relative RLIMIT_NPROC, which counts them all).
    static func processCount(uid: uid_t) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var count = 0
        for entry in entries where entry.allSatisfy(\.isNumber) {
            var info = stat()
            if stat("/proc/\(entry)", &info) == 0, info.st_uid == uid { count += 1 }
        }
        return count
    }

    private func spawn(_ argv: [String], directory: URL, limits: Limits, extra: [String: String]) throws -> Outcome {
        // Without bwrap, what the program gets comes from here (bwrap clears it and sets its own).
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": directory.path]
        if bwrap == nil {
            environment.merge(extra) { _, given in given }
            environment["TMPDIR"] = directory.path
        }
        var spawn = Spawn(argv[0], Array(argv.dropFirst()), environment: environment)
        spawn.stdin = .null
        spawn.stdout = .pipe
        spawn.stderr = .pipe
        // Its own process group, so the wall-clock kill reaches every descendant.
        spawn.processGroup = .new
        let started = SpawnedProcess.monotonicNanoseconds()
        let child: SpawnedProcess
        do { child = try spawn.start() } catch { throw RunnerError.internal(error.description) }
        let deadline = started + UInt64(limits.wallSeconds * wallClockFactor * 1e9)
        let output = child.collect(deadline: deadline, limit: limits.outputBytes)
        // Whatever is still running in the group goes: a timeout, an output flood, or children left behind.
        child.signal(SIGKILL, toGroup: true)
        let ended = child.wait()
        child.signal(SIGKILL, toGroup: true)
        let wallMs = Int((SpawnedProcess.monotonicNanoseconds() - started) / 1_000_000)
        return Outcome(
            status: ended.status, signal: ended.signal, timedOut: output.timedOut,
            outputExceeded: output.exceededLimit,
            stdout: String(decoding: output.stdout.prefix(limits.outputBytes), as: UTF8.self),
            stderr: String(decoding: output.stderr.prefix(64 * 1024), as: UTF8.self), wallMs: wallMs)
    }
}

public enum RunnerError: Error, CustomStringConvertible {
    case `internal`(String)
    case unknownLanguage(String)
    case noSandbox(String)
    /// The sandbox itself cannot start (a setup problem, not the solution's): why.
    case sandboxUnavailable(String)

    public var description: String {
        switch self {
        case .internal(let why): return "internal error of the code runner: \(why)"
        case .unknownLanguage(let what):
            return "cannot tell the language of '\(what)'; name it with --lang python|swift|cpp"
        case .sandboxUnavailable(let why):
            return
                "the sandbox cannot start, so nothing was checked or logged: \(why). Install bubblewrap (make deps, or your system's bubblewrap package), set RECALL_BWRAP to bwrap's path, or set RECALL_BWRAP= (empty) to run local exercises under resource limits only"
        case .noSandbox(let exercise):
            return
                "bubblewrap (bwrap) is not installed, and '\(exercise)' comes from a subscribed deck: its code will not run unsandboxed. Install bubblewrap (make deps), or pass --allow-unsandboxed if you trust the deck"
        }
    }
}
