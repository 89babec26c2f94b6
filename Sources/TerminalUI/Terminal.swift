import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The controlling terminal in full-screen mode: raw input, the alternate screen, a hidden cursor.
/// Whatever ends the program — a normal return, Ctrl-C, SIGTERM, SIGHUP or a crash signal — the
/// terminal is put back the way it was found; a stop (Ctrl-Z, SIGTSTP) puts it back too, and the
/// continue that follows (`fg`) takes it again (`Terminal+Suspend.swift`).
public final class Terminal {
    public let input: Int32
    public let output: Int32
    private var active = false

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns and rows (80×24 when the size cannot be read).
    public var size: (columns: Int, rows: Int) { Self.size(of: output) ?? (80, 24) }

    /// The size of the terminal on `fd`; nil when `fd` is not a terminal or reports no size.
    public static func size(of fd: Int32) -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// The width to lay out printed text in: `COLUMNS` when set, else the terminal's on `fd`, else 80.
    public static func width(of fd: Int32, environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return size(of: fd)?.columns ?? 80
    }

    /// Enters raw mode and the alternate screen; installs the restoring signal handlers.
    public func enter() throws {
        guard !active else { return }
        var original = termios()
        guard tcgetattr(input, &original) == 0 else { throw TerminalError.notATerminal }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        setControlCharacters(&raw)
        TerminalState.save(original, raw: raw, input: input, output: output)
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { throw TerminalError.notATerminal }
        TerminalState.installHandlers()
        write(TerminalState.enterSequence)
        active = true
        TerminalState.restoring.pointee.active = 1
    }

    /// Leaves the alternate screen and restores the saved terminal modes.
    public func leave() {
        guard active else { return }
        // First, so a stop arriving now (while an editor runs, say) leaves the terminal alone.
        TerminalState.restoring.pointee.active = 0
        TerminalState.restore()
        active = false
    }

    deinit { leave() }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { Glibc.write(output, $0 + offset, buffer.count - offset) } ?? 0
            }
            if n <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Draws a full frame: each line at its row, cleared to the end.
    public func draw(_ lines: [String]) {
        var frame = "\u{1B}[H"
        for (index, line) in lines.enumerated() {
            frame += line + "\u{1B}[K"
            if index < lines.count - 1 { frame += "\r\n" }
        }
        frame += "\u{1B}[J"
        write(frame)
    }

    private func setControlCharacters(_ raw: inout termios) {
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
    }
}

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal

    public var description: String { "standard input is not a terminal" }
}

/// Process-wide terminal state for the signal handlers, which cannot capture context.
enum TerminalState {
    /// What the handlers read: raw memory filled before they are installed, so a handler does no
    /// allocation, lazy initialisation or exclusivity check (none of them is async-signal-safe).
    struct Restoring {
        var saved = termios()
        /// The full-screen modes, put back when the process continues after a stop.
        var raw = termios()
        var input: Int32 = STDIN_FILENO
        var output: Int32 = STDOUT_FILENO
        var leave: UnsafeMutablePointer<UInt8>
        var leaveCount: Int
        var enter: UnsafeMutablePointer<UInt8>
        var enterCount: Int
        /// 1 while a `Terminal` holds the screen (between `enter` and `leave`).
        var active: Int32 = 0
        /// Set to 1 by the continue handler: the screen was cleared and wants a frame.
        var resumed: Int32 = 0
    }

    // Allocated on first use (in `Terminal.enter`, before any handler), never freed.
    nonisolated(unsafe) static let restoring: UnsafeMutablePointer<Restoring> = {
        let (leave, leaveCount) = rawBytes(leaveSequence)
        let (enter, enterCount) = rawBytes(enterSequence)
        let state = UnsafeMutablePointer<Restoring>.allocate(capacity: 1)
        state.initialize(to: Restoring(leave: leave, leaveCount: leaveCount, enter: enter, enterCount: enterCount))
        return state
    }()

    private static func rawBytes(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
        let bytes = Array(text.utf8)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        memory.initialize(from: bytes, count: bytes.count)
        return (memory, bytes.count)
    }
    nonisolated(unsafe) static var installed = false

    static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    static let leaveSequence = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    /// Records what `restore` puts back; called before the handlers are installed.
    static func save(_ original: termios, raw: termios, input: Int32, output: Int32) {
        restoring.pointee.saved = original
        restoring.pointee.raw = raw
        restoring.pointee.input = input
        restoring.pointee.output = output
    }

    /// Async-signal-safe: only write(2) and tcsetattr(3) on memory prepared beforehand.
    static func restore() {
        let state = restoring
        _ = Glibc.write(state.pointee.output, state.pointee.leave, state.pointee.leaveCount)
        _ = tcsetattr(state.pointee.input, TCSAFLUSH, &state.pointee.saved)
    }

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                TerminalState.restore()
                // Re-raise with the default action so the exit status tells what happened.
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        // Does nothing: its delivery interrupts KeyReader's poll(2) (no SA_RESTART), and the event
        // loop, seeing no key, compares the terminal's size and redraws.
        var winch = sigaction()
        winch.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&winch.sa_mask)
        winch.sa_flags = 0
        sigaction(SIGWINCH, &winch, nil)
        installSuspendHandlers()
    }
}
