import Foundation
import Spawning
import GitSync
import Notebook
import RecallCore
import Scheduler

/// The sync benchmark (issue 6): on a deck source of `cards` cards, the time of a sync with
/// nothing new, and of a sync that brings `changed` edited cards (with how many files it imported:
/// only the changed ones, not the whole source). Both remotes are `file://` bare repositories.
public struct SyncBench {
    public var cards: Int
    public var changed: Int
    public var work: URL
    /// The built `recall`, for the whole-process figures.
    public var recallBinary: URL
    public var log: (String) -> Void

    public init(
        cards: Int = 10_000, changed: Int = 10, work: URL, recallBinary: URL, log: @escaping (String) -> Void
    ) {
        self.cards = cards
        self.changed = changed
        self.work = work
        self.recallBinary = recallBinary
        self.log = log
    }

    public func run(quick: Bool) throws -> [Figure] {
        let perFile = 100
        let files = (cards + perFile - 1) / perFile
        log("sync: publishing a \(cards)-card source (\(files) files)…")
        let (workload, source) = try Workload.published(cards: cards, perFile: perFile, in: work, clone: "seed")
        let remote = source.remote

        let now = Date(timeIntervalSince1970: Double(workload.today.ordinal) * 86_400 + 36_000)
        func notebook(_ name: String) throws -> Notebook {
            try Notebook(
                RecallEnvironment(
                    home: work.appendingPathComponent(name), now: { now },
                    calendar: StudyCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current)))
        }
        let learner = try notebook("learner")
        let editor = try notebook("editor")
        for one in [learner, editor] {
            _ = try one.addSource(url: remote.path, name: "bench", path: "decks", credentials: .none)
        }

        log("sync: no-op syncs…")
        let idle = try Measure.repeated(quick ? 5 : 20) { _ in _ = try learner.sync(credentials: .none) }

        log("sync: `recall sync` processes, file:// and git daemon on 127.0.0.1…")
        let recall = RecallCommand(binary: recallBinary, today: workload.today)
        let learnerHome = work.appendingPathComponent("learner").path
        let process = try Measure.repeated(quick ? 5 : 20) { _ in try recall.run(["sync", "--home", learnerHome]) }
        let daemon = try BenchDaemon(serving: work)
        defer { daemon.stop() }
        let networkHome = work.appendingPathComponent("network").path
        try recall.run(
            [
                "source", "add", "git://127.0.0.1:\(daemon.port)/remote.git", "--name", "bench", "--path", "decks",
                "--home", networkHome,
            ], what: "source add over git daemon")
        let network = try Measure.repeated(quick ? 5 : 20) { _ in
            try recall.run(["sync", "--home", networkHome], what: "sync over git daemon")
        }

        log("sync: syncs bringing \(changed) changed cards…")
        var samples: [Double] = []
        var imported: [Int] = []
        var updated: [Int] = []
        let editorDeck = work.appendingPathComponent("editor/sources/bench/decks/bench")
        for run in 0..<(quick ? 2 : 5) {
            // The editor changes `changed` cards spread over two files and publishes them.
            for index in 0..<changed {
                let file = (run * 2 + index % 2) % files
                let card = file * perFile + (index / 2) * 7 % perFile
                let url = editorDeck.appendingPathComponent(String(format: "part-%04d.md", file))
                let text = try String(contentsOf: url, encoding: .utf8)
                let original = workload.cards[card].back
                let marker = "\n\n(edited in run \(run))"
                let edited = text.replacingOccurrences(of: original + "\n", with: original + marker + "\n")
                try Data(edited.utf8).write(to: url)
            }
            _ = try editor.sync(credentials: .none)
            var report: SyncReport?
            samples.append(try Measure.once { report = try learner.sync(credentials: .none) })
            imported.append(report?.sources.first?.filesImported ?? -1)
            updated.append(report?.sources.first?.updated ?? -1)
        }
        // For scale: what reading the whole source again would cost (what a tree diff avoids).
        let learnerDecks = work.appendingPathComponent("learner/sources/bench/decks")
        let full = try Measure.repeated(quick ? 2 : 5, warmup: 1) { _ in _ = try learner.importDecks([learnerDecks]) }
        return [
            Figure(
                name: "sync, nothing new (\(cards)-card source)", summary: idle, targetMs: 150,
                note: "in process, file://: fetch + merge analysis + status"),
            Figure(
                name: "`recall sync` whole process, nothing new", summary: process, targetMs: 150,
                note: "file:// remote"),
            Figure(
                name: "`recall sync` whole process, nothing new, git://", summary: network, targetMs: 150,
                note: "git daemon on 127.0.0.1"),
            Figure(
                name: "sync bringing \(changed) changed cards", summary: Measure.Summary(samples),
                note: "files imported per run \(imported) of \(files), cards updated \(updated)"),
            Figure(
                name: "  for scale: re-reading the whole source", summary: full,
                note: "import of all \(files) files, nothing changed"),
        ]
    }

}

/// `git daemon` serving the benchmark's bare repository on 127.0.0.1 and a free port.
final class BenchDaemon {
    let process: SpawnedProcess
    let port: Int

    init(serving base: URL) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length)
                return getsockname(socket, pointer, &length)
            }
        }
        close(socket)
        port = Int(UInt16(bigEndian: address.sin_port))
        var spawn = Spawn(
            "/usr/bin/env",
            [
                "git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", "--port=\(port)",
                "--base-path=\(base.path)", base.path,
            ])
        spawn.stdout = .null
        spawn.stderr = .null
        // A group of its own, so `stop()` reaches the daemon's children too.
        spawn.processGroup = .new
        do { process = try spawn.start() } catch { throw BenchError.spawn(error.description) }
        for _ in 0..<100 {
            if canConnect() { return }
            usleep(50_000)
        }
        stop()
        throw BenchError.spawn("git daemon did not start listening on port \(port)")
    }

    private func canConnect() -> Bool {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Ends the daemon and its children (`git daemon` runs `git-daemon`, which forks per connection).
    func stop() {
        guard !process.hasEnded else { return }
        process.signal(SIGKILL, toGroup: true)
        process.wait()
    }
}
