import DeckFormat
import Foundation
import Notebook
import RecallCore
import Scheduler
import Storage

/// One measured figure, with the target it is held to.
public struct Figure: Sendable, Codable {
    public var name: String
    public var summary: Measure.Summary
    /// Target in milliseconds (nil when there is none).
    public var targetMs: Double?
    public var note: String?

    public init(name: String, summary: Measure.Summary, targetMs: Double? = nil, note: String? = nil) {
        self.name = name
        self.summary = summary
        self.targetMs = targetMs
        self.note = note
    }

    public var meetsTarget: Bool? { targetMs.map { summary.median < $0 } }
}

/// The notebook-core benchmark: import, queue, answer, refold, search, the review session's
/// latency and the code runner, on a generated notebook (`recall due` as a process: StartupBench).
public struct CoreBench {
    public var cards: Int
    public var events: Int
    public var recallBinary: URL
    public var work: URL
    public var log: (String) -> Void
    /// The exercise the runner figures use (Decks/coding/remove-nth-from-end).
    public var exerciseFolder = URL(fileURLWithPath: "Decks/coding/remove-nth-from-end")

    public init(cards: Int, events: Int, recallBinary: URL, work: URL, log: @escaping (String) -> Void) {
        self.cards = cards
        self.events = events
        self.recallBinary = recallBinary
        self.work = work
        self.log = log
    }

    /// Runs every measurement; returns the figures and the prepared home (for later benchmarks).
    public func run(quick: Bool) throws -> (figures: [Figure], home: URL, workload: Workload) {
        log("generating \(cards) cards and \(events) events…")
        let workload = Workload.generate(cards: cards, events: events)
        let deckFolder = work.appendingPathComponent("deck")
        try? FileManager.default.removeItem(at: work)
        try workload.writeDeck(to: deckFolder)
        let home = work.appendingPathComponent("home")
        let now = Date(timeIntervalSince1970: Double(workload.today.ordinal) * 86_400 + 36_000)
        let env = RecallEnvironment(
            home: home, now: { now }, calendar: StudyCalendar(timeZone: .gmt))
        let notebook = try Notebook(env)
        var figures: [Figure] = []

        log("import…")
        let parseMs = Measure.once { _ = DeckScanner(writeIDs: false).scan([deckFolder]) }
        figures.append(Figure(name: "  of which: parse \(cards) cards", summary: Measure.Summary([parseMs])))
        var report: ImportReport?
        let importMs = try Measure.once { report = try notebook.importDecks([deckFolder], writeIDs: false) }
        figures.append(
            Figure(
                name: "import \(cards) cards (parse + store + index)", summary: Measure.Summary([importMs]),
                targetMs: 2500, note: "\(report?.counts.added ?? 0) added"))

        log("loading \(workload.events.count) events…")
        let added = try notebook.appendEvents(workload.reviewEvents())
        var folded = 0
        let refold = try Measure.repeated(quick ? 1 : 3, warmup: 0) { _ in folded = try notebook.refold() }
        figures.append(
            Figure(
                name: "refold \(added) events", summary: refold, targetMs: 1000, note: "\(folded) cards with a state"))

        let queue = try Measure.repeated(quick ? 5 : 50) { _ in _ = try notebook.dueQueue(limit: 50) }
        let dueCount = try notebook.dueQueue().count
        figures.append(
            Figure(
                name: "due queue (first 50)", summary: queue, targetMs: 5, note: "\(dueCount) cards in today's queue"))

        let candidates = try notebook.dueQueue(limit: 400).map(\.card)
        var index = 0
        let answer = try Measure.repeated(quick ? 10 : 200) { _ in
            let card = candidates[index % candidates.count]
            index += 1
            _ = try notebook.answer(card, grade: .hesitant, early: true)
        }
        figures.append(Figure(name: "answer (one committed transaction)", summary: answer, targetMs: 0.5))

        for term in ["位置编码", "LoRA"] {
            var hits = 0
            let search = try Measure.repeated(quick ? 5 : 30) { _ in hits = try notebook.search(term).count }
            figures.append(
                Figure(name: "search '\(term)' (top 20)", summary: search, targetMs: 10, note: "\(hits) hits"))
        }

        log("review session through a pseudo-terminal…")
        let latency = try ReviewLatency(recallBinary: recallBinary, home: home, now: workload.today.iso + "T10:00:00Z")
            .run(starts: quick ? 3 : 15, keys: quick ? 10 : 60)
        figures.append(
            Figure(
                name: "`recall review`: start to first card on screen", summary: latency.startToFirstCard, targetMs: 150
            ))
        figures.append(
            Figure(name: "`recall review`: key press to next screen", summary: latency.keyToNextScreen, targetMs: 16))

        log("code runner…")
        let runner = try RunnerBench(exerciseFolder: exerciseFolder).run(runs: quick ? 3 : 20)
        figures.append(
            Figure(name: "Python check of removeNthFromEnd, end to end", summary: runner.check, targetMs: 150))
        figures.append(Figure(name: "  the same harness run directly with python3", summary: runner.direct))
        figures.append(
            Figure(
                name: "  the same harness in the sandbox", summary: runner.sandboxed,
                note: String(
                    format: "sandbox adds %.1f ms (target < 30)", runner.sandboxed.median - runner.direct.median)))
        return (figures, home, workload)
    }
}
