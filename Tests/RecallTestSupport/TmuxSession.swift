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

    /// Runs the tmux client (through `ChildProcess`, which waits with waitpid: Foundation's Process
    /// can miss the exit of a client whose server it forked, and then waits forever).
    @discardableResult
    public func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        return try ChildProcess.run(
            ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment, capture: capture,
            stderr: false
        ).output
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

    /// Waits until the screen contains `text`; returns that screen. Throws, with the last screen,
    /// when it never does within `timeout` (generous by default: see `Patience`).
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = Patience.standard) throws -> [String] {
        try waitUntil("the screen shows \"\(text)\"", timeout: timeout) { $0.joined(separator: "\n").contains(text) }
    }

    /// Waits until `condition` holds for the screen; returns that screen. Throws, with the last
    /// screen, when it never does within `timeout`.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: TimeInterval = Patience.standard, _ condition: ([String]) -> Bool
    ) throws -> [String] {
        var lines: [String] = []
        let held = try Patience.poll(for: timeout) {
            lines = try screen()
            return condition(lines)
        }
        guard held else {
            throw ChildProcess.Failure(
                description: "waited \(Int(timeout)) s until \(what); the screen:\n\(lines.joined(separator: "\n"))")
        }
        return lines
    }
}
