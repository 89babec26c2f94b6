import DeckFormat
import Foundation
import Spawning
import Notebook
import RecallCore
import Scheduler
import Storage

/// Recall and Anki on the same workloads, alternating runs in one process tree, with the floor that
/// SQLite itself sets. Anki runs through its own Python library (Benchmarks/anki_bench.py).
public struct AnkiCompare {
    public struct Row: Codable, Sendable {
        public var workload: String
        public var recall: Measure.Summary
        public var anki: Measure.Summary?
        public var floor: Measure.Summary?
        /// "faster" ratio wanted: Anki ÷ Recall (≥ this passes); nil when no target.
        public var targetSpeedup: Double?
        /// Recall ÷ floor must stay under this.
        public var floorLimit: Double?
        public var note: String?

        public var speedup: Double? { anki.map { $0.median / max(recall.median, 1e-9) } }
        public var overFloor: Double? { floor.map { recall.median / max($0.median, 1e-9) } }
        public var meetsTarget: Bool? {
            var verdicts: [Bool] = []
            if let t = targetSpeedup, let s = speedup { verdicts.append(s >= t) }
            if let f = floorLimit, let o = overFloor { verdicts.append(o <= f) }
            return verdicts.isEmpty ? nil : verdicts.allSatisfy { $0 }
        }
    }

    public var python: URL
    public var script: URL
    public var work: URL
    public var quick: Bool
    public var log: (String) -> Void

    public init(python: URL, script: URL, work: URL, quick: Bool, log: @escaping (String) -> Void) {
        self.python = python
        self.script = script
        self.work = work
        self.quick = quick
        self.log = log
    }

    public func run() throws -> [Row] {
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var rows: [Row] = []
        let importSizes = quick ? [1_000] : [10_000, 100_000]
        let importReps = quick ? 1 : 3
        for n in importSizes {
            log("import \(n): Recall and Anki, \(importReps) alternating runs…")
            let workload = Workload.generate(cards: n, events: 0, deck: "bench")
            let folder = work.appendingPathComponent("deck-\(n)")
            try workload.writeDeck(to: folder)
            let cards = work.appendingPathComponent("cards-\(n).jsonl")
            try workload.writeJSONLines(cards: cards, events: work.appendingPathComponent("none.jsonl"))
            var recall: [Double] = []
            var anki: [Double] = []
            for rep in 0..<importReps {
                let home = work.appendingPathComponent("import-home-\(n)-\(rep)")
                let notebook = try Notebook(environment(home: home, today: workload.today))
                recall.append(try Measure.once { _ = try notebook.importDecks([folder], writeIDs: false) })
                let result = try runPython(["import", "--cards", cards.path, "--n", "\(n)", "--work", work.path])
                anki.append(result["ms"] as? Double ?? .nan)
            }
            var row = Row(
                workload: "add / import \(n) cards (parsing included for Recall)", recall: Measure.Summary(recall),
                anki: Measure.Summary(anki), targetSpeedup: 2)
            if n == importSizes.last {
                log("floor: sqlite3 inserting the same \(n) rows…")
                let floor = try sqliteFloor(workload)
                row.floor = floor.schema
                row.floorLimit = 3
                row.note = String(
                    format: "plain-table floor %.0f ms; the ratio uses Recall's own schema with its FTS index",
                    floor.plain.median)
            }
            rows.append(row)
        }

        let cardCount = quick ? 5_000 : 100_000
        let eventCount = quick ? 50_000 : 1_000_000
        log("history workload: \(cardCount) cards, \(eventCount) events; preparing both sides…")
        let workload = Workload.generate(cards: cardCount, events: eventCount, deck: "bench")
        let folder = work.appendingPathComponent("deck-history")
        try workload.writeDeck(to: folder)
        let cardsFile = work.appendingPathComponent("history-cards.jsonl")
        let eventsFile = work.appendingPathComponent("history-events.jsonl")
        try workload.writeJSONLines(cards: cardsFile, events: eventsFile)
        let home = work.appendingPathComponent("history-home")
        let notebook = try Notebook(environment(home: home, today: workload.today))
        _ = try notebook.importDecks([folder], writeIDs: false)
        _ = try notebook.appendEvents(workload.reviewEvents())
        var refoldSamples: [Double] = []
        for _ in 0..<(quick ? 1 : 3) { refoldSamples.append(try Measure.once { try notebook.refold() }) }
        let statesFile = work.appendingPathComponent("history-states.jsonl")
        try writeStates(workload, notebook: notebook, to: statesFile)
        let collection = work.appendingPathComponent("history.anki2")
        _ = try runPython([
            "prepare", "--cards", cardsFile.path, "--states", statesFile.path, "--events", eventsFile.path,
            "--today", "\(workload.today.ordinal)", "--out", collection.path,
        ])

        let reps = quick ? 3 : 20
        log("queue fetch (first 50)…")
        var recallQueue: [Double] = []
        var ankiQueue: [Double] = []
        for _ in 0..<(quick ? 1 : 3) {
            for _ in 0..<reps { recallQueue.append(try Measure.once { _ = try notebook.dueQueue(limit: 50) }) }
            ankiQueue += try samples(
                runPython(["queue", "--collection", collection.path, "--work", work.path, "--reps", "\(reps)"]))
        }
        rows.append(
            Row(
                workload: "fetch the first 50 cards of today's queue", recall: Measure.Summary(recallQueue),
                anki: Measure.Summary(ankiQueue), targetSpeedup: 1))

        let answers = quick ? 50 : 1_000
        log("answering \(answers) cards one at a time…")
        var recallAnswers: [Double] = []
        var recallFull: [Double] = []
        var ankiAnswers: [Double] = []
        for (label, full) in [("normal", false), ("full", true)] {
            let copy = work.appendingPathComponent("answer-home-\(label)")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: home, to: copy)
            var env = environment(home: copy, today: workload.today)
            env.fullSync = full
            let answering = try Notebook(env)
            let cards = try answering.dueQueue(limit: answers).map(\.card)
            for card in cards {
                let ms = try Measure.once { _ = try answering.answer(card, grade: .hesitant) }
                if full { recallFull.append(ms) } else { recallAnswers.append(ms) }
            }
            if !full {
                ankiAnswers = try samples(
                    runPython(["answer", "--collection", collection.path, "--work", work.path, "--n", "\(answers)"]))
            }
        }
        rows.append(
            Row(
                workload: "answer one card, committed (Recall WAL+NORMAL vs Anki WAL+FULL)",
                recall: Measure.Summary(recallAnswers),
                anki: Measure.Summary(ankiAnswers), targetSpeedup: 2,
                note: "\(recallAnswers.count) answers on each Recall run, \(ankiAnswers.count) on Anki's"))
        rows.append(
            Row(
                workload: "answer one card, committed (both WAL+FULL: fsync per answer)",
                recall: Measure.Summary(recallFull),
                anki: Measure.Summary(ankiAnswers), targetSpeedup: 2))

        for term in ["位置编码", "LoRA"] {
            log("search \(term)…")
            var recallSearch: [Double] = []
            var ankiSearch: [Double] = []
            var hits = 0
            for _ in 0..<(quick ? 1 : 3) {
                for _ in 0..<reps {
                    recallSearch.append(try Measure.once { hits = try notebook.countMatches(term) })
                }
                ankiSearch += try samples(
                    runPython([
                        "search", "--collection", collection.path, "--work", work.path, "--reps", "\(reps)", "--term",
                        term,
                    ]))
            }
            rows.append(
                Row(
                    workload: "full-text search '\(term)' (ids of all matches)", recall: Measure.Summary(recallSearch),
                    anki: Measure.Summary(ankiSearch), targetSpeedup: 1, note: "\(hits) matches"))
        }
        rows.append(
            Row(
                workload: "refold \(eventCount) events (floor row: Recall alone)",
                recall: Measure.Summary(refoldSamples), anki: nil))
        return rows
    }

    private func environment(home: URL, today: StudyDay) -> RecallEnvironment {
        let now = Date(timeIntervalSince1970: Double(today.ordinal) * 86_400 + 36_000)
        return RecallEnvironment(
            home: home, now: { now }, calendar: StudyCalendar(timeZone: .gmt))
    }

    /// Each card's folded state, for the Anki collection to mirror.
    private func writeStates(_ workload: Workload, notebook: Notebook, to url: URL) throws {
        var data = Data()
        for (index, card) in workload.cards.enumerated() {
            guard let state = try notebook.state(of: CardKey(deck: workload.deck, id: card.id)) else {
                continue
            }
            let line =
                "{\"card\":\(index),\"interval\":\(state.interval),\"due\":\(state.due.ordinal),\"ef100\":\(state.ef100),\"repetitions\":\(state.repetitions),\"lapses\":\(state.lapses)}\n"
            data.append(Data(line.utf8))
        }
        try data.write(to: url)
    }

    /// The `sqlite3` command inserting the same rows in one transaction: into a plain table, and into
    /// Recall's own schema (indexes and the trigram FTS index included).
    private func sqliteFloor(_ workload: Workload) throws -> (plain: Measure.Summary, schema: Measure.Summary) {
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var plainSQL = "CREATE TABLE card(key TEXT, front TEXT, back TEXT, tags TEXT);\nBEGIN;\n"
        var schemaSQL = "BEGIN;\nINSERT INTO deck(id, title, root) VALUES ('bench', 'Benchmark deck', '/floor');\n"
        for (position, card) in workload.cards.enumerated() {
            let tags = quote(card.tags.joined(separator: " "))
            plainSQL +=
                "INSERT INTO card VALUES (\(quote("bench/" + card.id)), \(quote(card.front)), \(quote(card.back)), \(tags));\n"
            schemaSQL +=
                "INSERT INTO card(key, deck, id, kind, front, back, tags, content_hash, source_file, source_line, position) VALUES (\(quote("bench/" + card.id)), 'bench', \(quote(card.id)), 'note', \(quote(card.front)), \(quote(card.back)), \(tags), 'h', '/floor/part.md', \(position + 1), \(position));\n"
        }
        plainSQL += "COMMIT;\n"
        schemaSQL +=
            "INSERT INTO card_fts(rowid, front, back, tags) SELECT rowid, front, back, tags FROM card;\nCOMMIT;\n"
        let plainFile = work.appendingPathComponent("floor-plain.sql")
        let schemaFile = work.appendingPathComponent("floor-schema.sql")
        try plainSQL.write(to: plainFile, atomically: true, encoding: .utf8)
        try schemaSQL.write(to: schemaFile, atomically: true, encoding: .utf8)
        var plain: [Double] = []
        var schema: [Double] = []
        for rep in 0..<(quick ? 1 : 3) {
            let plainDB = work.appendingPathComponent("floor-plain-\(rep).sqlite")
            plain.append(
                try Measure.once {
                    _ = try Spawn.runQuietly(
                        "/bin/sh", ["-c", "sqlite3 '\(plainDB.path)' < '\(plainFile.path)'"], environment: [:])
                })
            // An empty notebook with Recall's schema, in WAL like Recall's.
            let home = work.appendingPathComponent("floor-home-\(rep)")
            _ = try Notebook(environment(home: home, today: workload.today))
            let db = home.appendingPathComponent("notebook.sqlite").path
            schema.append(
                try Measure.once {
                    _ = try Spawn.runQuietly(
                        "/bin/sh", ["-c", "sqlite3 -cmd 'PRAGMA synchronous=NORMAL' '\(db)' < '\(schemaFile.path)'"],
                        environment: [:])
                })
        }
        return (Measure.Summary(plain), Measure.Summary(schema))
    }

    private func samples(_ json: [String: Any]) -> [Double] {
        (json["samples"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
    }

    private func runPython(_ arguments: [String]) throws -> [String: Any] {
        let run: (termination: Termination, stdout: String, stderr: String)
        do { run = try Spawn(python.path, [script.path] + arguments).output() } catch {
            throw BenchError.spawn(error.description)
        }
        guard run.termination.succeeded,
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        else {
            throw BenchError.spawn("anki_bench.py \(arguments.first ?? ""): \(String(run.stderr.suffix(2000)))")
        }
        return json
    }
}
