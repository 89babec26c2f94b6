import GRDB
import RecallCore

/// A `card_action` row: a study action (docs/EVENTS.md). Its columns are named here once.
/// Rows are decoded by GRDB's `Decodable` support (the properties are named as the columns): actions
/// are few, unlike grades, whose record decodes by hand on the refold's hot path.
struct CardActionRecord: Decodable, FetchableRecord, TableRecord {
    static let databaseTableName = "card_action"

    enum Columns: String, ColumnExpression, CaseIterable {
        case device, seq, card, ts, day, kind
    }

    static var databaseSelection: [any SQLSelectable] { Columns.allCases }

    var device, card, kind: String
    var seq, ts: Int64
    var day: Int

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
