import GRDB
import Testing

@testable import Storage

/// Migrations `v6-schedule-action` and `v7-text-changed` on a notebook that already has actions.
@Suite("Migrations: schedule actions, text change times")
struct ScheduleActionMigrationTests {
    static let insert = "INSERT INTO card_action(device, seq, card, ts, day, kind"

    @Test("the rebuilt card_action keeps every action, and holds a schedule with the kind schedule only")
    func rebuild() throws {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator()
        try migrator.migrate(queue, upTo: "v5-leech")
        try queue.write { db in
            try db.execute(sql: Self.insert + ") VALUES ('a', 1, 'd/x', 5, 20000, 'suspend')")
            try db.execute(sql: Self.insert + ") VALUES ('a', 2, 'd/x', 6, 20001, 'bury')")
        }
        try migrator.migrate(queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, kind, ef100, last_review FROM card_action ORDER BY seq")
        }
        #expect(rows.map { $0["kind"] as String } == ["suspend", "bury"])
        #expect(rows.allSatisfy { ($0["ef100"] as Int?) == nil && ($0["last_review"] as Int?) == nil })
        let full = ", ef100, repetitions, interval, due, lapses, last_review)"
        try queue.write { db in
            try db.execute(
                sql: Self.insert + full + " VALUES ('a', 3, 'd/x', 7, 20002, 'schedule', 250, 2, 9, 20011, 0, 20002)")
        }
        // A schedule action without its schedule, or another kind with one, breaks a CHECK.
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: Self.insert + ") VALUES ('a', 4, 'd/x', 8, 20003, 'schedule')") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(
                    sql: Self.insert + full + " VALUES ('a', 5, 'd/x', 9, 20003, 'suspend', 250, 2, 9, 20011, 0, 20002)"
                )
            }
        }
        let columns = try queue.read { db in try db.columns(in: "card").map(\.name) }
        #expect(columns.contains("text_changed"))
    }
}
