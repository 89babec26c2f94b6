import Foundation

/// A one-line report of long work on a terminal (standard error): nothing while the work is
/// quick, then, once `delay` has passed, the latest text at most ten times a second, overwritten in
/// place and wiped by `finish`. Only made when that stream is a terminal, so a pipe or a `--json`
/// document never gets it.
public final class ProgressLine: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `lock` (updates come from the
    // deck scanner's worker threads).
    private let lock = NSLock()
    private let fd: Int32
    private let start = DispatchTime.now().uptimeNanoseconds
    private let delay: UInt64
    private var lastWrite: UInt64 = 0
    private var shown = false
    private var finished = false

    /// A line on `fd`, or nil when `fd` is not a terminal. `RECALL_PROGRESS_AFTER_MS` changes the
    /// delay (the tests set 0, so the line shows however fast the machine).
    public static func onTerminal(
        fd: Int32 = STDERR_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ProgressLine? {
        guard Terminal.isTerminal(fd) else { return nil }
        let milliseconds = environment["RECALL_PROGRESS_AFTER_MS"].flatMap { UInt64($0) } ?? 500
        return ProgressLine(fd: fd, delay: milliseconds * 1_000_000)
    }

    init(fd: Int32, delay nanoseconds: UInt64) {
        self.fd = fd
        delay = nanoseconds
    }

    /// Shows `text` (cut to the terminal's width) if the delay has passed and the last line is a
    /// tenth of a second old, or `now` (a new stage of the work); otherwise drops it, since a newer
    /// one follows.
    public func update(_ text: String, now: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        let time = DispatchTime.now().uptimeNanoseconds
        guard !finished, time - start >= delay, now || !shown || time - lastWrite >= 100_000_000 else { return }
        let columns = (Terminal.size(of: fd)?.columns ?? 80) - 1
        let line = MarkdownRenderer.hardCut([Span(text)], width: columns).plainText
        write("\r\u{1B}[K" + line)
        shown = true
        lastWrite = time
    }

    /// Wipes the line, if one was shown; later updates are ignored.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        finished = true
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { chunk in
                chunk.baseAddress.map { Foundation.write(fd, $0, chunk.count) } ?? 0
            }
            if written <= 0 { return }  // a closed terminal: progress is not worth an error
            offset += written
        }
    }
}
