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

    /// The event this row holds; nil for a row the schema's checks let through but no event can
    /// hold (a card key that does not parse). Decoded straight from the row, by column name: the
    /// refold reads every event of a card through here.
    let event: ReviewEvent?

    init(row: Row) {
        guard let key = CardKey(row[Columns.card] as String), let grade = Grade(rawValue: row[Columns.grade]),
            let kind = ReviewKind(rawValue: row[Columns.kind])
        else {
            event = nil
            return
        }
        event = ReviewEvent(
            card: key, timestamp: row[Columns.ts], day: StudyDay(ordinal: row[Columns.day]), grade: grade, kind: kind,
            device: row[Columns.device], seq: row[Columns.seq], durationMs: row[Columns.durationMs])
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

    /// An event's values in `Columns.allCases` order, for `insertStatement`.
    static func arguments(_ event: ReviewEvent) -> StatementArguments {
        StatementArguments(
            Columns.allCases.map { column -> any DatabaseValueConvertible in
                switch column {
                case .device: event.device
                case .seq: event.seq
                case .card: event.card.description
                case .ts: event.timestamp
                case .day: event.day.ordinal
                case .grade: event.grade.rawValue
                case .kind: event.kind.rawValue
                case .durationMs: event.durationMs
                }
            })
    }
}
