import GRDB
import RecallCore

/// A `review_event` row, decoded by column name. The table's columns are named here once; every
/// read and write of the log goes through this type.
struct ReviewEventRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "review_event"

    enum Columns: String, ColumnExpression, CaseIterable {
        case device, seq, card, ts, day, grade, kind
        case durationMs = "duration_ms"
    }

    static var databaseSelection: [any SQLSelectable] { Columns.allCases }

    var device: String
    var seq: Int64
    var card: String
    var ts: Int64
    var day: Int
    var grade: Int
    var kind: String
    var durationMs: Int

    init(row: Row) {
        device = row[Columns.device]
        seq = row[Columns.seq]
        card = row[Columns.card]
        ts = row[Columns.ts]
        day = row[Columns.day]
        grade = row[Columns.grade]
        kind = row[Columns.kind]
        durationMs = row[Columns.durationMs]
    }

    init(_ event: ReviewEvent) {
        device = event.device
        seq = event.seq
        card = event.card.description
        ts = event.timestamp
        day = event.day.ordinal
        grade = event.grade.rawValue
        kind = event.kind.rawValue
        durationMs = event.durationMs
    }

    /// The event this row holds; nil for a row the schema's checks let through but no event can
    /// hold (a card key that does not parse).
    var event: ReviewEvent? {
        guard let key = CardKey(card), let grade = Grade(rawValue: grade), let kind = ReviewKind(rawValue: kind)
        else { return nil }
        return ReviewEvent(
            card: key, timestamp: ts, day: StudyDay(ordinal: day), grade: grade, kind: kind, device: device, seq: seq,
            durationMs: durationMs)
    }

    /// The column list for hand-written SQL, each qualified by `alias` when given.
    static func selection(_ alias: String? = nil) -> String {
        Columns.allCases.map { column in alias.map { "\($0).\(column.rawValue)" } ?? column.rawValue }.joined(
            separator: ", ")
    }

    private static let insertSQL =
        "INTO review_event(\(selection())) VALUES (\(Columns.allCases.map { _ in "?" }.joined(separator: ", ")))"

    /// The cached `INSERT` of one row, to execute with `arguments`: the hot paths (answer, merge,
    /// bulk appends) insert through it.
    static func insertStatement(_ db: Database, orIgnore: Bool = false) throws -> Statement {
        try db.cachedStatement(sql: (orIgnore ? "INSERT OR IGNORE " : "INSERT ") + insertSQL)
    }

    /// The row's values in `Columns.allCases` order, for `insertStatement`.
    var arguments: StatementArguments {
        StatementArguments(
            Columns.allCases.map { column -> any DatabaseValueConvertible in
                switch column {
                case .device: device
                case .seq: seq
                case .card: card
                case .ts: ts
                case .day: day
                case .grade: grade
                case .kind: kind
                case .durationMs: durationMs
                }
            })
    }
}
