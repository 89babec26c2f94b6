import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in a real pseudo-terminal under tmux: keys go in with send-keys, the screen
/// comes back with capture-pane. Each session has its own tmux server socket.
public final class TmuxSession: @unchecked Sendable {  // used by one test at a time
    public let socket: String
    public let name = "t"

    /// Starts `command` (run by /bin/sh) in a `width`×`height` terminal.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "recall-test-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        // The tmux server outlives this call and would hold a captured stdout open forever.
        try tmux(
            ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", exports + command], capture: false)
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    /// Runs the tmux client and waits for it with waitpid(2). (Foundation's Process can miss the
    /// exit of a client whose server it forked, and then waits forever.)
    @discardableResult
    public func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, cArgs, cEnv)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw CocoaError(.executableNotLoadable)
        }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(pipe[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Sends keys as tmux names them ("Space", "Enter", "q", "C-c").
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The visible screen, one string per row.
    public func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format value of the pane, e.g. "#{alternate_on}" or "#{pane_pid}".
    public func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains `text` (or `timeout` passes); returns the last screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines = try screen()
        while !lines.joined(separator: "\n").contains(text) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            lines = try screen()
        }
        return lines
    }
}
