import DeckFormat
import Foundation
import RecallCore
import Scheduler
import Storage

/// The notebook's use cases: what the command line, the review session and the tests drive.
public final class Notebook: Sendable {
    public let environment: RecallEnvironment
    /// Not public: the command line, benchmarks and tests go through the use cases below.
    let store: NotebookStore

    /// Opens the notebook in `environment.home`; `create` makes the folder and database if missing.
    public init(_ environment: RecallEnvironment, create: Bool = true) throws {
        self.environment = environment
        let path = environment.databaseURL.path
        if create {
            do {
                try FileManager.default.createDirectory(at: environment.home, withIntermediateDirectories: true)
            } catch {
                throw NotebookError.cannotCreateHome(path: environment.home.path, reason: error.localizedDescription)
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw NotebookError.noNotebook(path: path)
        }
        let attemptLog = environment.home.appendingPathComponent("attempts/log.jsonl")
        self.store = try NotebookStore(
            path: path, create: create, fullSync: environment.fullSync, attemptLog: attemptLog)
        // The v2 attempts log was carried into the database by the migration that just ran (or an
        // earlier one): kept beside it as a backup, under a name nothing reads.
        if !store.isReadOnly, FileManager.default.fileExists(atPath: attemptLog.path) {
            try? FileManager.default.moveItem(
                at: attemptLog,
                to: attemptLog.deletingLastPathComponent().appendingPathComponent("log.jsonl.v2-migrated"))
        }
    }

    public var today: StudyDay { environment.today }

    // MARK: - Decks

    /// Reads decks under `paths` and applies them (DECK-FORMAT.md's semantics). `progress` hears
    /// of each file read, then of the save.
    public func importDecks(
        _ paths: [URL], writeIDs: Bool = true, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        var scanner = DeckScanner(writeIDs: writeIDs)
        scanner.knownRoots = try store.deckRoots()
        let tally = progress.map(ImportProgress.Tally.init)
        if let tally { scanner.fileRead = { @Sendable cards in tally.read(cards: cards) } }
        let scan = scanner.scan(paths)
        tally?.saving()
        let counts = try store.apply(scan.decks, changedAt: environment.nowMillis)
        return ImportReport(
            counts: counts, idsWritten: scan.idsWritten, errors: scan.allIssues, decks: scan.decks.map(\.id))
    }

    /// Imports after a change to the named files inside `root` (added, modified or deleted): what a
    /// sync does with the paths a tree diff reports. The decks holding them are read in full, so the
    /// result is that of `importDecks` of the whole tree; other decks are left as they are.
    public func importChanges(_ paths: [URL], within root: URL, writeIDs: Bool = true) throws -> ImportReport {
        var scanner = DeckScanner(writeIDs: writeIDs)
        scanner.knownRoots = try store.deckRoots()
        let scan = scanner.scanChanges(paths, within: root)
        let counts = try store.apply(
            scan.decks, vanishedFiles: scan.vanishedFiles, changedAt: environment.nowMillis)
        return ImportReport(
            counts: counts, idsWritten: scan.idsWritten, errors: scan.allIssues, decks: scan.decks.map(\.id))
    }

    public func decks() throws -> [DeckSummary] { try store.decks(day: today) }

    /// The keys of the notebook's cards (of one deck when given), removed ones left out.
    public func cards(deck: String? = nil) throws -> [CardKey] { try store.cards(deck: deck) }

    // MARK: - Reviews

    public func dueQueue(deck: String? = nil, limit: Int? = nil) throws -> [QueueEntry] {
        try studyQueue(StudyOptions(deck: deck, limit: limit))
    }

    /// The queue `QueuePolicy` makes for `day` from the notebook's cards.
    func queue(on day: StudyDay, newPerDay: Int, scope: CardScope = .all, limit: Int? = nil) throws -> [QueueEntry] {
        let policy = QueuePolicy(newPerDay: newPerDay, scope: scope, limit: limit)
        return try store.readingQueueCandidates { try policy.queue(day: day, from: $0) }
    }

    /// Logs a grade now; see `NotebookStore.answer`. A `cram` grade is a drill: no schedule changes.
    public func answer(
        _ key: CardKey, grade: Grade, early: Bool = false, cram: Bool = false, durationMs: Int = 0
    ) throws -> AnswerOutcome {
        try store.answer(
            key, grade: grade, day: today, timestamp: environment.nowMillis, durationMs: durationMs, early: early,
            cram: cram, leeches: environment.leeches)
    }

    public func undo() throws -> UndoOutcome { try store.undoLast() }

    /// A card's schedule, nil for a new or unknown card: `show` without the history.
    public func state(of key: CardKey) throws -> CardState? { try store.card(key)?.state }

    /// A card with its schedule and history; throws for an unknown card.
    public func show(_ key: CardKey) throws -> CardDetails {
        guard let stored = try store.card(key) else { throw StorageError.unknownCard(key.description) }
        return CardDetails(stored: stored, history: try store.history(of: key), actions: try store.actions(of: key))
    }

    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        try store.search(query, limit: limit)
    }

    /// How many cards match `query` (the rules of `search`, without its limit or any card's text).
    public func countMatches(_ query: String) throws -> Int { try store.searchIDs(query).count }
}

/// The outcome of an import, for printing.
public struct ImportReport: Sendable {
    public var counts: ImportCounts
    public var idsWritten: Int
    public var errors: [DeckIssue]
    public var decks: [String]
}

/// Everything `recall show` prints about a card.
public struct CardDetails: Sendable {
    public var stored: StoredCard
    public var history: [ReviewEvent]
    /// Study actions (suspend, bury, forget, …) in fold order.
    public var actions: [CardAction] = []
    public var card: Card { stored.card }
    public var state: CardState? { stored.state }
}
