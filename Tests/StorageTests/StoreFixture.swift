import DeckFormat
import Foundation
import GRDB
import RecallCore
import RecallTestSupport
import Scheduler
import Storage

/// A notebook on an in-memory database, with decks read by the real scanner from a temporary folder.
final class StoreFixture {
    let store: NotebookStore
    /// The store's database, for tests that change it behind the store's back.
    let database: DatabaseQueue
    let decks: TemporaryFolder
    let today = StudyDay(year: 2026, month: 11, day: 23)
    private var clock: Int64 = 36_000_000

    init() throws {
        database = try DatabaseQueue()
        store = try NotebookStore(database: database)
        decks = try TemporaryFolder("recall-storage-decks")
    }

    deinit { decks.remove() }

    /// Writes a deck `id` whose cards are `ids` into one file, and scans it.
    func deck(_ id: String, cards ids: [String], newPerDay: Int? = nil, file: String = "cards.md") throws
        -> ScannedDeck
    {
        let yaml = "deck: \(id)\ntitle: Deck \(id)\n" + (newPerDay.map { "new_per_day: \($0)\n" } ?? "")
        try decks.write("\(id)/deck.yaml", yaml)
        try decks.write(
            "\(id)/\(file)", ids.map { "## Question \($0) {#\($0)}\nAnswer \($0)\n" }.joined(separator: "\n"))
        return try scan(id)
    }

    func scan(_ folder: String) throws -> ScannedDeck {
        let result = DeckScanner(writeIDs: false).scan([decks.url.appendingPathComponent(folder)])
        guard let deck = result.decks.first else { throw FixtureError.noDeck(result.allIssues.map(\.description)) }
        return deck
    }

    /// Imports deck `id` holding `ids` and returns the counts.
    @discardableResult
    func importDeck(_ id: String, cards ids: [String], newPerDay: Int? = nil) throws -> ImportCounts {
        try store.apply([try deck(id, cards: ids, newPerDay: newPerDay)])
    }

    func key(_ text: String) -> CardKey {
        guard let key = CardKey(text) else { preconditionFailure("not a card key: \(text)") }
        return key
    }

    /// Grades `card` on `day` (today by default); each call a minute after the last.
    @discardableResult
    func answer(_ card: String, _ q: Int, on day: StudyDay? = nil, early: Bool = false) throws -> AnswerOutcome {
        let day = day ?? today
        clock += 60_000
        return try store.answer(
            key(card), grade: Grade.of(q), day: day, timestamp: Int64(day.ordinal) * 86_400_000 + clock,
            early: early)
    }

    /// A study action on `cards` on `day` (today by default); each call a minute after the last.
    @discardableResult
    func act(_ kind: CardActionKind, _ cards: String..., on day: StudyDay? = nil) throws -> [ActionOutcome] {
        let day = day ?? today
        clock += 60_000
        return try store.act(
            kind, on: cards.map(key), day: day, timestamp: Int64(day.ordinal) * 86_400_000 + clock)
    }

    /// Today's queue (or `day`'s) as card keys.
    func queue(on day: StudyDay? = nil) throws -> [String] {
        try store.readingQueueCandidates { try QueuePolicy(newPerDay: 20).queue(day: day ?? today, from: $0) }
            .map(\.card.description)
    }

    /// An event as another device would log it.
    func event(
        _ card: String, _ q: Int, day: StudyDay, device: String, seq: Int64, kind: ReviewKind = .review
    ) -> ReviewEvent {
        ReviewEvent(
            card: key(card), timestamp: Int64(day.ordinal) * 86_400_000 + seq, day: day, grade: Grade.of(q),
            kind: kind, device: device, seq: seq)
    }
}

enum FixtureError: Error { case noDeck([String]) }
