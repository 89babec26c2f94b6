import GRDB
import RecallCore

/// The raw rows statistics are computed from: every card's schedule and every logged event,
/// optionally of one deck. The numbers themselves are computed in `Notebook` (pure functions).
public struct StatsSnapshot: Sendable {
    /// One card's schedule as stored (state columns nil for a card never reviewed).
    public struct CardRow: Sendable, Equatable {
        public var key: CardKey
        public var front: String
        public var removed: Bool
        public var state: CardState?
    }
    public var cards: [CardRow]
    /// Events in fold order (card, timestamp, device, seq).
    public var events: [ReviewEvent]
}

extension NotebookStore {
    /// Reads every card and event (of `deck` when given) in one read transaction.
    public func statsSnapshot(deck: String? = nil) throws -> StatsSnapshot {
        try read { db in
            var cards: [StatsSnapshot.CardRow] = []
            let cardRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT deck, id, front, removed, ef100, repetitions, interval, due, lapses, last_review
                    FROM card WHERE (? IS NULL OR deck = ?) ORDER BY deck, position
                    """, arguments: [deck, deck])
            while let row = try cardRows.next() {
                let key = CardKey(deck: row[0], id: row[1])
                cards.append(
                    .init(key: key, front: row[2], removed: row[3], state: NotebookStore.state(row, offset: 4)))
            }
            var request = ReviewEventRecord.order(
                ReviewEventRecord.Columns.card, ReviewEventRecord.Columns.ts, ReviewEventRecord.Columns.device,
                ReviewEventRecord.Columns.seq)
            if let deck { request = request.filter(ReviewEventRecord.Columns.card.like("\(deck)/%")) }
            var events: [ReviewEvent] = []
            let records = try request.fetchCursor(db)
            while let record = try records.next() {
                if let event = record.event { events.append(event) }
            }
            return StatsSnapshot(cards: cards, events: events)
        }
    }
}
