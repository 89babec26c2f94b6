import Foundation
import Spawning

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
        private let child: SpawnedProcess

        /// Starts `argv` as `ChildProcess.run` does, without waiting for it.
        public init(
            _ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
            capture: Bool = true, stderr: Bool = true
        ) throws {
            // Spawning keeps this test process's other files (other tests' pipes above all) and
            // blocked signals from the child.
            var spawn = Spawn(argv[0], Array(argv.dropFirst()), environment: environment)
            spawn.stdin = .null
            spawn.stdout = capture ? .pipe : .null
            spawn.stderr = capture && stderr ? .stdout : .null
            do { child = try spawn.start() } catch { throw Failure(description: error.description) }
            pid = child.pid
        }

        /// Reads the child's output to its end, then reaps it: its exit status, or the signal that
        /// ended it, and what it wrote.
        public func wait() -> (status: Int32?, signal: Int32?, output: String) {
            let output = child.collect()
            let ended = child.wait()
            return (ended.status, ended.signal, output.stdoutText)
        }
    }
}
