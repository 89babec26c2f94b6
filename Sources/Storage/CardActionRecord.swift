import GRDB
import RecallCore

/// A `card_action` row: a study action (docs/EVENTS.md). Its columns are named here once.
struct CardActionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "card_action"

    enum Columns: String, ColumnExpression, CaseIterable {
        case device, seq, card, ts, day, kind
    }

    static var databaseSelection: [any SQLSelectable] { Columns.allCases }

    var device: String
    var seq: Int64
    var card: String
    var ts: Int64
    var day: Int
    var kind: String

    init(row: Row) {
        device = row[Columns.device]
        seq = row[Columns.seq]
        card = row[Columns.card]
        ts = row[Columns.ts]
        day = row[Columns.day]
        kind = row[Columns.kind]
    }

    init(_ action: CardAction) {
        (device, seq, card, ts) = (action.device, action.seq, action.card.description, action.timestamp)
        (day, kind) = (action.day.ordinal, action.kind.rawValue)
    }

    /// The action this row holds; nil for one no `CardAction` can hold.
    var action: CardAction? {
        guard let key = CardKey(card), let kind = CardActionKind(rawValue: kind) else { return nil }
        return CardAction(card: key, timestamp: ts, day: StudyDay(ordinal: day), kind: kind, device: device, seq: seq)
    }

    static let selection = Columns.allCases.map(\.rawValue).joined(separator: ", ")

    static func insert(_ action: CardAction, _ db: Database) throws {
        let record = CardActionRecord(action)
        try db.cachedStatement(sql: "INSERT INTO card_action(\(selection)) VALUES (?, ?, ?, ?, ?, ?)").execute(
            arguments: [record.device, record.seq, record.card, record.ts, record.day, record.kind])
    }

    static func actions(of card: String, _ db: Database) throws -> [CardAction] {
        try CardActionRecord.fetchAll(
            db.cachedStatement(sql: "SELECT \(selection) FROM card_action WHERE card = ? ORDER BY ts, device, seq"),
            arguments: [card]
        ).compactMap(\.action)
    }
}
