import ArgumentParser
import Foundation
import RecallCore
import Workloads

/// `make bench`: Recall's performance figures on generated notebooks, with their targets.
@main
struct RecallBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall-bench", abstract: "Measure Recall on a generated notebook and report the figures.")

    @Flag(help: "A fast smoke run on a small notebook (what `make test` runs).")
    var quick = false

    @Option(help: "Cards in the generated notebook.")
    var cards: Int?

    @Option(help: "Review events in the generated history.")
    var events: Int?

    @Option(help: "Where to write results (JSON and Markdown).")
    var out = "Benchmarks/results"

    @Option(help: "Scratch folder for generated notebooks.")
    var work = ".build/bench-work"

    @Option(help: "The Python with Anki's library (make venv builds it); the comparison is skipped when missing.")
    var python = ".build/venv/bin/python"

    @Flag(help: "Only Recall's own figures, no comparison with Anki.")
    var noAnki = false

    @Option(
        help:
            "Which parts to run, comma-separated: core, startup (`recall due` against a Foundation-only program), sync, sync-large, anki (default: all)."
    )
    var parts = "core,startup,sync,sync-large,anki"

    func run() throws {
        let binFolder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let recall = binFolder.appendingPathComponent("recall")
        guard FileManager.default.isExecutableFile(atPath: recall.path) else {
            throw ValidationError("no recall binary next to recall-bench at \(recall.path); build both first")
        }
        let cardCount = cards ?? (quick ? 2_000 : 100_000)
        let eventCount = events ?? (quick ? 20_000 : 1_000_000)
        let log: (String) -> Void = { FileHandle.standardError.write(Data("· \($0)\n".utf8)) }
        let chosen = Set(parts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if let unknown = chosen.subtracting(["core", "startup", "sync", "sync-large", "anki"]).first {
            throw ValidationError("unknown part '\(unknown)': use core, startup, sync, sync-large or anki")
        }
        var figures: [Figure] = []
        var coreHome: (home: URL, today: StudyDay)?
        if chosen.contains("core") {
            let core = CoreBench(
                cards: cardCount, events: eventCount, recallBinary: recall,
                work: URL(fileURLWithPath: work).appendingPathComponent("core"), log: log)
            let result = try core.run(quick: quick)
            figures += result.figures
            coreHome = (result.home, result.workload.today)
        }
        if chosen.contains("startup") {
            let floor = binFolder.appendingPathComponent("foundation-floor")
            guard FileManager.default.isExecutableFile(atPath: floor.path) else {
                throw ValidationError("no foundation-floor next to recall-bench at \(floor.path); build it too")
            }
            let prepared: (home: URL, today: StudyDay)
            if let coreHome {
                prepared = coreHome
            } else {
                log("generating \(cardCount) cards and \(eventCount) events for the start-up figures…")
                prepared = try StartupBench.prepareHome(
                    cards: cardCount, events: eventCount,
                    work: URL(fileURLWithPath: work).appendingPathComponent("startup"))
            }
            log("`recall due` beside a Foundation-only program…")
            figures += try StartupBench(
                recallBinary: recall, floorBinary: floor, home: prepared.home, today: prepared.today
            ).run(runs: quick ? 5 : 40)
        }
        if chosen.contains("sync") {
            let sync = SyncBench(
                cards: quick ? 2_000 : 10_000, work: URL(fileURLWithPath: work).appendingPathComponent("sync"),
                recallBinary: recall, log: log)
            figures += try sync.run(quick: quick)
        }
        if chosen.contains("sync-large") {
            // 10,000 files of 10 cards; --quick keeps the shape at a fiftieth of the size.
            let large = SyncLargeBench(
                cards: quick ? 2_000 : 100_000, files: quick ? 200 : 10_000,
                work: URL(fileURLWithPath: work).appendingPathComponent("sync-large"), recallBinary: recall, log: log)
            figures += try large.run(quick: quick)
        }
        if !figures.isEmpty {
            let report = BenchReport(figures: figures, quick: quick)
            print(report.table)
            try report.write(to: URL(fileURLWithPath: out))
            if !quick, figures.contains(where: { $0.meetsTarget == false }) {
                FileHandle.standardError.write(Data("some targets were missed (marked MISS)\n".utf8))
            }
        }
        guard !noAnki, chosen.contains("anki") else { return }
        let pythonURL = URL(fileURLWithPath: python)
        guard FileManager.default.isExecutableFile(atPath: pythonURL.path) else {
            throw ValidationError("no Python with Anki at \(python): run `make venv`, or pass --no-anki")
        }
        let compare = AnkiCompare(
            python: pythonURL, script: URL(fileURLWithPath: "Benchmarks/anki_bench.py"),
            work: URL(fileURLWithPath: work).appendingPathComponent("anki"), quick: quick, log: log)
        let rows = try compare.run()
        let comparison = CompareReport(rows: rows, versions: CompareReport.versions(python: pythonURL))
        print("")
        print(comparison.table)
        let stamp = comparison.date.replacingOccurrences(of: ":", with: "-")
        try comparison.write(to: URL(fileURLWithPath: out), name: quick ? "compare-quick" : "compare-\(stamp)")
    }
}
