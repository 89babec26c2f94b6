import Foundation
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
    public var log: (String) -> Void

    public init(cards: Int = 10_000, changed: Int = 10, work: URL, log: @escaping (String) -> Void) {
        self.cards = cards
        self.changed = changed
        self.work = work
        self.log = log
    }

    public func run(quick: Bool) throws -> [Figure] {
        try? FileManager.default.removeItem(at: work)
        let workload = Workload.generate(cards: cards, events: 0)
        let perFile = 100
        let files = (cards + perFile - 1) / perFile

        log("sync: publishing a \(cards)-card source (\(files) files)…")
        let remote = work.appendingPathComponent("remote.git")
        _ = try GitRepository.create(at: remote, bare: true)
        let seedFolder = work.appendingPathComponent("seed")
        let seed = try GitRepository.clone(from: remote.path, to: seedFolder)
        try workload.writeDeck(to: seedFolder.appendingPathComponent("decks/bench"), perFile: perFile)
        try seed.commitAll(message: "benchmark deck")
        try seed.push(branch: try seed.requireBranch())

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
        return [
            Figure(
                name: "sync, nothing new (\(cards)-card source)", summary: idle, targetMs: 150,
                note: "fetch + merge analysis + status"),
            Figure(
                name: "sync bringing \(changed) changed cards", summary: Measure.Summary(samples),
                note: "files imported per run \(imported) of \(files), cards updated \(updated)"),
        ]
    }

}
