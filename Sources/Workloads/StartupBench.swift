import Foundation
import Notebook
import RecallCore
import Scheduler
import Spawning

/// `recall due` as a whole process beside the start-up floor: a Swift program that only loads
/// Foundation, built the same way (`foundation-floor`, next to `recall`). The two are started in
/// turn, so that both see the same machine load; the ratio of their medians is the figure.
public struct StartupBench {
    public var recallBinary: URL
    public var floorBinary: URL
    public var home: URL
    public var today: StudyDay
    /// The target for `recall due` ÷ floor.
    public static let targetRatio = 2.0

    public init(recallBinary: URL, floorBinary: URL, home: URL, today: StudyDay) {
        self.recallBinary = recallBinary
        self.floorBinary = floorBinary
        self.home = home
        self.today = today
    }

    public func run(runs: Int) throws -> [Figure] {
        let recall = RecallCommand(binary: recallBinary, today: today)
        let due = ["due", "--home", home.path, "--limit", "50"]
        var dueSamples: [Double] = []
        var floorSamples: [Double] = []
        for index in -2..<runs {  // two untimed rounds warm the page cache
            let dueMs = try Measure.once { try recall.run(due) }
            let floorMs = try Measure.once {
                try check(Spawn.runQuietly(floorBinary.path, [], environment: recall.environment))
            }
            if index >= 0 {
                dueSamples.append(dueMs)
                floorSamples.append(floorMs)
            }
        }
        let dueSummary = Measure.Summary(dueSamples)
        let floor = Measure.Summary(floorSamples)
        let ratio = floor.median > 0 ? dueSummary.median / floor.median : 0
        return [
            Figure(name: "`recall due` whole process", summary: dueSummary, targetMs: 100),
            Figure(name: "  start-up floor: a Swift program that only loads Foundation", summary: floor),
            Figure(
                name: "  `recall due` ÷ floor (a ratio, not ms)", summary: Measure.Summary([ratio]),
                targetMs: Self.targetRatio + 1e-9,
                note: String(format: "%.2f× the floor (target ≤ %.0f×)", ratio, Self.targetRatio)),
        ]
    }

    private func check(_ status: Int32) throws {
        if status != 0 { throw BenchError.spawn("a start-up run exited with status \(status)") }
    }
}

extension StartupBench {
    /// A notebook of `cards` cards and `events` review events in `work`/home, as the core benchmark
    /// makes it, for running this part alone (`--parts startup`).
    public static func prepareHome(cards: Int, events: Int, work: URL) throws -> (home: URL, today: StudyDay) {
        let workload = Workload.generate(cards: cards, events: events)
        try? FileManager.default.removeItem(at: work)
        let deckFolder = work.appendingPathComponent("deck")
        try workload.writeDeck(to: deckFolder)
        let home = work.appendingPathComponent("home")
        let now = Date(timeIntervalSince1970: Double(workload.today.ordinal) * 86_400 + 36_000)
        let notebook = try Notebook(
            RecallEnvironment(
                home: home, now: { now }, calendar: StudyCalendar(timeZone: .gmt)))
        _ = try notebook.importDecks([deckFolder], writeIDs: false)
        _ = try notebook.appendEvents(workload.reviewEvents())
        _ = try notebook.refold()
        return (home, workload.today)
    }
}
