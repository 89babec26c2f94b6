import Foundation

/// The large-source sync benchmark (issue 13): a deck source of `files` files holding `cards`
/// cards, subscribed with `recall source add` (clone + full import), then a `recall sync` with
/// nothing new, and a `recall sync` bringing one edited card. Whole `recall` processes, `file://`.
public struct SyncLargeBench {
    public var cards: Int
    public var files: Int
    public var work: URL
    public var recallBinary: URL
    public var log: (String) -> Void

    public init(cards: Int, files: Int, work: URL, recallBinary: URL, log: @escaping (String) -> Void) {
        self.cards = cards
        self.files = files
        self.work = work
        self.recallBinary = recallBinary
        self.log = log
    }

    public func run(quick: Bool) throws -> [Figure] {
        let perFile = max(1, cards / max(1, files))
        log("sync-large: publishing a \(cards)-card source in \(files) files…")
        // The seed clone stays as "the other author": it edits and pushes one card per run.
        let (workload, source) = try Workload.published(cards: cards, perFile: perFile, in: work, clone: "author")
        let (remote, author, deck, branch) = (source.remote, source.clone, source.deck, source.branch)
        let command = RecallCommand(binary: recallBinary, today: workload.today)
        func recall(_ arguments: [String]) throws { try command.run(arguments) }

        log("sync-large: first sync (`recall source add`: clone and import)…")
        let learner = work.appendingPathComponent("learner").path
        let first = try Measure.once {
            try recall([
                "source", "add", "file://" + remote.path, "--name", "bench", "--path", "decks", "--home", learner,
            ])
        }

        log("sync-large: no-op syncs…")
        let idle = try Measure.repeated(quick ? 2 : 5, warmup: 1) { _ in try recall(["sync", "--home", learner]) }

        log("sync-large: syncs bringing one edited card…")
        var samples: [Double] = []
        for run in 0..<(quick ? 2 : 5) {
            let card = (run * 7919) % workload.cards.count
            let url = deck.appendingPathComponent(String(format: "part-%04d.md", card / perFile))
            let text = try String(contentsOf: url, encoding: .utf8)
            let original = workload.cards[card].back
            try Data(text.replacingOccurrences(of: original + "\n", with: original + " (edit \(run))\n").utf8)
                .write(to: url)
            try author.commitAll(message: "edit one card")
            try author.push(branch: branch)
            samples.append(try Measure.once { try recall(["sync", "--home", learner]) })
        }
        let scale = "\(files) files, \(cards) cards"
        return [
            Figure(
                name: "first sync: `recall source add` (\(scale))", summary: Measure.Summary([first]),
                note: "clone + full import, whole process, file://"),
            Figure(
                name: "`recall sync`, nothing new (\(scale))", summary: idle,
                note: "whole process, file://"),
            Figure(
                name: "`recall sync` bringing one edited card (\(scale))", summary: Measure.Summary(samples),
                note: "fetch + fast-forward + import of the changed file's deck (all of it), whole process"),
        ]
    }
}
