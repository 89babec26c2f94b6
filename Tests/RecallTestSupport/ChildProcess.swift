import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program and waits for it with waitpid(2). Foundation's `Process` can miss the exit of a
/// child that started a daemon (tmux, `git daemon --detach`) and then waits forever.
public enum ChildProcess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `argv` (the first element is looked up in PATH) with stdin from /dev/null, and returns
    /// its exit status (128 + the signal when a signal ended it) and what it wrote to stdout, and to
    /// stderr unless `stderr` is false (then discarded); nothing is captured when `capture` is false.
    public static func run(
        _ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        capture: Bool = true, stderr: Bool = true
    ) throws -> (status: Int32, output: String) {
        let ended = try Running(argv, environment: environment, capture: capture, stderr: stderr).wait()
        return (ended.signal.map { 128 + $0 } ?? ended.status ?? 0, ended.output)
    }

    /// A started child. It stays unreaped until `wait()`, so a signal sent to `pid` before then
    /// reaches this child, or its zombie, and never a process that took over its id.
    public final class Running {
        public let pid: pid_t
        private var output: Int32

        /// Starts `argv` as `ChildProcess.run` does, without waiting for it.
        public init(
            _ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
            capture: Bool = true, stderr: Bool = true
        ) throws {
            var pipe: [Int32] = [-1, -1]
            guard Glibc.pipe(&pipe) == 0 else { throw Failure(description: "pipe() failed: errno \(errno)") }
            // Close-on-exec at once: a process another thread spawns meanwhile must not inherit the
            // write end, or reading to end of file waits for that process (a tmux server) to exit.
            for fd in pipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            if capture {
                posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            } else {
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            }
            if capture && stderr {
                posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
            } else {
                posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            }
            // Nothing else this test process has open reaches the child (other tests' pipes above all).
            InheritedFiles.closeAll(&actions)
            let cArgs = argv.map { strdup($0) } + [nil]
            let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                cArgs.forEach { free($0) }
                cEnv.forEach { free($0) }
            }
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            InheritedFiles.defaultSignals(&attributes)
            var child: pid_t = 0
            let spawned = posix_spawnp(&child, argv[0], &actions, &attributes, cArgs, cEnv)
            close(pipe[1])
            guard spawned == 0 else {
                close(pipe[0])
                throw Failure(description: "could not start \(argv[0]): errno \(spawned)")
            }
            pid = child
            output = pipe[0]
        }

        deinit { if output >= 0 { close(output) } }

        /// Reads the child's output to its end, then reaps it: its exit status, or the signal that
        /// ended it, and what it wrote.
        public func wait() -> (status: Int32?, signal: Int32?, output: String) {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while output >= 0 {
                let n = read(output, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            if output >= 0 { close(output) }
            output = -1
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let text = String(decoding: data, as: UTF8.self)
            // WIFEXITED / WTERMSIG, which Swift does not import.
            if status & 0x7f == 0 { return ((status >> 8) & 0xff, nil, text) }
            return (nil, status & 0x7f, text)
        }
    }
}
