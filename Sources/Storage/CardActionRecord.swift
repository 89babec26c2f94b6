import GRDB
import RecallCore

/// A `card_action` row: a study action (docs/EVENTS.md). Its columns are named here once.
/// Rows are decoded by GRDB's `Decodable` support (the properties are named as the columns): actions
/// are few, unlike grades, whose record decodes by hand on the refold's hot path.
struct CardActionRecord: Decodable, FetchableRecord, TableRecord {
    static let databaseTableName = "card_action"

    enum Columns: String, ColumnExpression, CaseIterable {
        case device, seq, card, ts, day, kind
        // The schedule of a `schedule` action; NULL for the other kinds.
        case ef100, repetitions, interval, due, lapses
        case lastReview = "last_review"
    }

    static var databaseSelection: [any SQLSelectable] { Columns.allCases }

    var device, card, kind: String
    var seq, ts: Int64
    var day: Int
    var ef100, repetitions, interval, due, lapses, lastReview: Int?

    private enum CodingKeys: String, CodingKey {
        case device, seq, card, ts, day, kind, ef100, repetitions, interval, due, lapses
        case lastReview = "last_review"
    }

    init(_ action: CardAction) {
        (device, seq, card, ts) = (action.device, action.seq, action.card.description, action.timestamp)
        (day, kind) = (action.day.ordinal, action.kind.rawValue)
        let s = action.schedule
        (ef100, repetitions, interval) = (s?.ef100, s?.repetitions, s?.interval)
        (due, lapses, lastReview) = (s?.due.ordinal, s?.lapses, s?.lastReview.ordinal)
    }

    /// The action this row holds; nil for one no `CardAction` can hold.
    var action: CardAction? {
        guard let key = CardKey(card), let kind = CardActionKind(rawValue: kind) else { return nil }
        var schedule: CardState?
        if let ef100, let repetitions, let interval, let due, let lapses, let lastReview {
            schedule = CardState(
                ef100: ef100, repetitions: repetitions, interval: interval, due: StudyDay(ordinal: due),
                lapses: lapses, lastReview: StudyDay(ordinal: lastReview))
        }
        let action = CardAction(
            card: key, timestamp: ts, day: StudyDay(ordinal: day), kind: kind, device: device, seq: seq,
            schedule: schedule)
        return action.isWellFormed ? action : nil
    }

    static let selection = Columns.allCases.map(\.rawValue).joined(separator: ", ")

    static func insert(_ action: CardAction, _ db: Database) throws {
        let r = CardActionRecord(action)
        let marks = Columns.allCases.map { _ in "?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO card_action(\(selection)) VALUES (\(marks))").execute(
            arguments: [
                r.device, r.seq, r.card, r.ts, r.day, r.kind, r.ef100, r.repetitions, r.interval, r.due, r.lapses,
                r.lastReview,
            ])
    }

    static func actions(of card: String, _ db: Database) throws -> [CardAction] {
        try CardActionRecord.fetchAll(
            db.cachedStatement(sql: "SELECT \(selection) FROM card_action WHERE card = ? ORDER BY ts, device, seq"),
            arguments: [card]
        ).compactMap(\.action)
    }
}
