import Foundation
import Spawning

#if canImport(Glibc)
    import Glibc
#endif

/// Measures the review session as a person feels it, through a real pseudo-terminal: the time from
/// starting `recall review` to the first card on screen, and from a key press to the next screen.
public struct ReviewLatency {
    public var recallBinary: URL
    public var home: URL
    public var now: String

    public struct Result: Sendable {
        public var startToFirstCard: Measure.Summary
        public var keyToNextScreen: Measure.Summary
    }

    /// `starts` cold starts; in the last one, `keys` reveal/grade key presses.
    public func run(starts: Int, keys: Int) throws -> Result {
        var startSamples: [Double] = []
        var keySamples: [Double] = []
        for index in 0..<starts {
            let session = try PTYProcess(
                path: recallBinary.path, arguments: ["review", "--home", home.path],
                environment: ["RECALL_NOW": now, "TZ": "UTC", "TERM": "xterm-256color", "NO_COLOR": "1"])
            defer { session.kill() }
            let started = DispatchTime.now()
            guard session.waitFor("reveal", timeout: 10) else { throw BenchError.noScreen("first card") }
            startSamples.append(Self.ms(since: started))
            guard index == starts - 1 else { continue }
            for _ in 0..<keys / 2 {
                // Space reveals (the grade legend appears); a grade shows the next card.
                var pressed = DispatchTime.now()
                session.send(" ")
                guard session.waitFor("perfect", timeout: 5) else { throw BenchError.noScreen("answer") }
                keySamples.append(Self.ms(since: pressed))
                pressed = DispatchTime.now()
                session.send("5")
                guard session.waitFor("reveal", timeout: 5) else { throw BenchError.noScreen("next card") }
                keySamples.append(Self.ms(since: pressed))
            }
            session.send("q")
        }
        return Result(startToFirstCard: Measure.Summary(startSamples), keyToNextScreen: Measure.Summary(keySamples))
    }

    static func ms(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }
}

public enum BenchError: Error, CustomStringConvertible {
    case noScreen(String)
    case spawn(String)

    public var description: String {
        switch self {
        case .noScreen(let what): return "the review session never drew the \(what)"
        case .spawn(let why): return "could not start the program in a pseudo-terminal: \(why)"
        }
    }
}

/// A child process on a pseudo-terminal, read through its master side.
final class PTYProcess {
    let pid: pid_t
    let master: Int32
    private var seen = ""

    init(path: String, arguments: [String], environment: [String: String]) throws {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, &name, nil, &size) == 0 else {
            throw BenchError.spawn(String(cString: strerror(errno)))
        }
        // The child opens the terminal by name in a session of its own, which makes it its
        // controlling terminal; the master side keeps it alive meanwhile.
        close(slave)
        var spawn = Spawn(path, arguments, environment: env)
        spawn.stdin = .terminal(path: String(cString: name))
        spawn.stdout = .stdin
        spawn.stderr = .stdin
        spawn.processGroup = .newSession
        do {
            pid = try spawn.start().pid
        } catch {
            close(master)
            throw BenchError.spawn(error.description)
        }
        self.master = master
    }

    func send(_ text: String) {
        seen = ""
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    /// Reads until `marker` has appeared since the last `send`.
    func waitFor(_ marker: String, timeout: Double) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !seen.contains(marker) {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return false }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32((deadline - now) / 1_000_000) + 1) > 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return false }
            seen += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return true
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}
