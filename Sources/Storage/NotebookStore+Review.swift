import Foundation
import GRDB
import GRDBSQLite
import RecallCore
import Scheduler

/// The result of logging one grade.
public struct AnswerOutcome: Sendable, Equatable {
    public var event: ReviewEvent
    /// The card's schedule after the grade; nil only for a new card crammed (still new).
    public var state: CardState?
    /// The grade's lapse made the card a leech: it is now suspended and marked (docs/EVENTS.md).
    public var leech = false
}

/// The result of undoing the last event: a grade or a study action.
public struct UndoOutcome: Sendable, Equatable {
    public var undone: LoggedEvent
    /// The card's state after the undo; nil when it is new again.
    public var state: CardState?
    /// The undone grade; nil when a study action was undone.
    public var event: ReviewEvent? {
        if case .grade(let event) = undone { return event }
        return nil
    }
}

/// The result of one study action on one card.
public struct ActionOutcome: Sendable, Equatable {
    public var action: CardAction
    public var status: CardStatus
}

extension NotebookStore {
    /// Logs a grade for `key` on study day `day` and updates the card's state, all in one
    /// immediate transaction. What the grade does (review or re-drill, refused when not due unless
    /// `early`, the new state) is `SM2.answer`'s decision, made from the history read here.
    public func answer(
        _ key: CardKey, grade: Grade, day: StudyDay, timestamp: Int64, durationMs: Int = 0, early: Bool = false,
        cram: Bool = false, leeches: LeechRule = .standard
    ) throws -> AnswerOutcome {
        // The hot path of a review session: cached statements, the card's history read once, and
        // the new state folded in memory from that history plus the new event (the same fold a
        // refold does), so one answer is five statements.
        try writeImmediate { db in
            let deviceID = try Self.deviceID(db)
            let text = key.description
            try requireLiveCard(text, db)
            // A forgotten card is answered as a new one: the grades before its last forget do not
            // count; a card given a schedule (an import's) is answered from that schedule.
            let actions = try CardActionRecord.actions(of: text, db)
            let (start, history) = CardFold.startingPoint(try history(of: text, db), actions: actions)
            let seq = try lastSeq(deviceID, db)
            let draft = ReviewEvent(
                card: key, timestamp: timestamp, day: day, grade: grade, kind: .review, device: deviceID, seq: seq + 1,
                durationMs: max(durationMs, 0))
            if cram {
                // Logged as a drill: the schedule, and so the card row, stay as they were.
                let event = SM2.cram(draft)
                try insert(event, db)
                return AnswerOutcome(event: event, state: SM2.fold(history, from: start))
            }
            let step: AnswerStep
            do throws(NotDue) {
                step = try SM2.answer(draft, history: history, from: start, early: early)
            } catch {
                throw StorageError.notDue(card: text, due: error.due.iso, today: day.iso)
            }
            try insert(step.event, db)
            if start == nil {
                try db.cachedStatement(sql: Self.updateStateSQL).execute(
                    arguments: Self.stateArguments(step.state, firstReview: step.firstReview.ordinal, key: text))
            } else {
                // The first review day goes back before the schedule: the full fold has it.
                _ = try refoldStatus(text, db)
            }
            let lapsesBefore = SM2.fold(history, from: start)?.lapses ?? 0
            guard leeches.isLeech(lapsesBefore: lapsesBefore, after: step.state.lapses) else {
                return AnswerOutcome(event: step.event, state: step.state)
            }
            // The lapse that makes a leech logs a `leech` action right after the grade (the next
            // seq): one step for `undo`, and an event like any other for sync.
            let leech = CardAction(
                card: key, timestamp: timestamp, day: day, kind: .leech, device: deviceID, seq: step.event.seq + 1)
            try CardActionRecord.insert(leech, db)
            _ = try refoldStatus(text, db)
            return AnswerOutcome(event: step.event, state: step.state, leech: true)
        }
    }

    /// Throws unless `card` is in the notebook and not removed: grades and actions need a live card.
    private func requireLiveCard(_ card: String, _ db: Database) throws {
        guard
            let removed = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT removed FROM card WHERE key = ?"), arguments: [card])
        else { throw StorageError.unknownCard(card) }
        if removed { throw StorageError.removedCard(card) }
    }

    /// The highest seq this device has used or must not reuse: its grades, its actions and the seq
    /// floor. Never reuse the seq of an undone event: it may already be on another device.
    private func lastSeq(_ deviceID: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT max(coalesce((SELECT max(seq) FROM review_event WHERE device = ?1), 0),
                               coalesce((SELECT max(seq) FROM card_action WHERE device = ?1), 0),
                               coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?2), 0))
                    """), arguments: [deviceID, Self.seqFloorKey]) ?? 0
    }

    /// Logs one study action for each of `keys` (in one immediate transaction: all or none) and
    /// refolds each card. An unknown or removed card fails the whole call.
    public func act(_ kind: CardActionKind, on keys: [CardKey], day: StudyDay, timestamp: Int64) throws
        -> [ActionOutcome]
    {
        try writeImmediate { db in
            let deviceID = try Self.deviceID(db)
            var seq = try lastSeq(deviceID, db)
            var outcomes: [ActionOutcome] = []
            for key in keys {
                let text = key.description
                try requireLiveCard(text, db)
                seq += 1
                let action = CardAction(
                    card: key, timestamp: timestamp, day: day, kind: kind, device: deviceID, seq: seq)
                try CardActionRecord.insert(action, db)
                outcomes.append(ActionOutcome(action: action, status: try refoldStatus(text, db)))
            }
            return outcomes
        }
    }

    /// Drops this device's last logged event (a grade or a study action) and refolds its card.
    public func undoLast() throws -> UndoOutcome {
        try writeImmediate { db in
            guard let deviceID = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device'") else {
                throw StorageError.nothingToUndo
            }
            let grade = try ReviewEventRecord.filter(Columns.device == deviceID).order(Columns.seq.desc)
                .fetchOne(db)?.event
            let action = try CardActionRecord.filter(CardActionRecord.Columns.device == deviceID)
                .order(CardActionRecord.Columns.seq.desc).fetchOne(db)?.action
            let undone: LoggedEvent
            let seq: Int64
            if let action, let grade, action.kind == .leech, action.seq == grade.seq + 1, action.card == grade.card {
                // A leech comes with the grade that made it: both go, as the one step they were.
                (undone, seq) = (.grade(grade), grade.seq)
                try db.execute(
                    sql: "DELETE FROM card_action WHERE device = ? AND seq = ?", arguments: [deviceID, action.seq])
                try ReviewEventRecord.filter(Columns.device == deviceID && Columns.seq == seq).deleteAll(db)
                try raiseSeqFloor(to: action.seq, db)
                try db.execute(
                    sql: "INSERT INTO undone_event(seq) VALUES (?) ON CONFLICT(seq) DO NOTHING", arguments: [action.seq]
                )
            } else if let action, action.seq > grade?.seq ?? 0 {
                (undone, seq) = (.action(action), action.seq)
                try db.execute(
                    sql: "DELETE FROM card_action WHERE device = ? AND seq = ?", arguments: [deviceID, seq])
            } else if let grade {
                (undone, seq) = (.grade(grade), grade.seq)
                try ReviewEventRecord.filter(Columns.device == deviceID && Columns.seq == seq).deleteAll(db)
            } else {
                throw StorageError.nothingToUndo
            }
            try raiseSeqFloor(to: seq, db)
            try db.execute(
                sql: "INSERT INTO undone_event(seq) VALUES (?) ON CONFLICT(seq) DO NOTHING", arguments: [seq])
            let state = try refoldCard(undone.card.description, db)
            return UndoOutcome(undone: undone, state: state)
        }
    }

    static let seqFloorKey = "events.seq-floor"

    /// Raises the floor below which this device never hands out a seq again; it never lowers it
    /// (a second undo in a row used to, and the next grade reused a retracted seq).
    private func raiseSeqFloor(to seq: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO meta(key, value) VALUES (?, ?)
                ON CONFLICT(key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)
                """,
            arguments: [Self.seqFloorKey, String(seq)])
    }

    /// Makes sure this device's next grade gets a seq above `seq` (one seen in its own progress
    /// file, say, after the notebook was restored from an older copy).
    public func reserveSeqs(through seq: Int64) throws {
        let floor = try read { db in
            try Int64.fetchOne(
                db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?", arguments: [Self.seqFloorKey])
        }
        if seq > floor ?? 0 { try write { db in try raiseSeqFloor(to: seq, db) } }
    }

    /// The seqs of this device's events undone since `forgetUndone` was last called: the progress
    /// sync retracts those it had already sent.
    public func undoneEvents() throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM undone_event ORDER BY seq") }
    }

    /// Forgets the undone seqs up to `seq` (they have been dealt with by the progress sync).
    public func forgetUndone(upTo seq: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM undone_event WHERE seq <= ?", arguments: [seq]) }
    }

    /// Adds events made elsewhere (another device's log: grades and study actions); ones already
    /// present are skipped. Then deletes the `retracted` ones (undone on the device that made them;
    /// ids `device:seq`). Refolds every card that received or lost an event. Returns how many were new.
    @discardableResult
    public func merge(_ incoming: [ReviewEvent], actions: [CardAction] = [], retracted: Set<String> = []) throws
        -> Int
    {
        try writeImmediate { db in
            var added = 0
            var touched = Set<String>()
            for action in actions where !retracted.contains(action.id) {
                let known = CardActionRecord.filter(
                    CardActionRecord.Columns.device == action.device && CardActionRecord.Columns.seq == action.seq)
                if try !known.isEmpty(db) { continue }
                try CardActionRecord.insert(action, db)
                touched.insert(action.card.description)
                added += 1
            }
            for event in incoming where !retracted.contains(event.id) {
                // Looked up rather than INSERT OR IGNORE, which would also skip, silently, an event
                // that breaks a CHECK constraint: a stranger's bad event must fail the merge.
                let known = ReviewEventRecord.filter(Columns.device == event.device && Columns.seq == event.seq)
                if try !known.isEmpty(db) { continue }
                try insert(event, db)
                touched.insert(event.card.description)
                added += 1
            }
            for id in retracted {
                guard let colon = id.lastIndex(of: ":"), let seq = Int64(id[id.index(after: colon)...]) else {
                    continue
                }
                let device = String(id[..<colon])
                if let card = try String.fetchOne(
                    db, sql: "DELETE FROM review_event WHERE device = ? AND seq = ? RETURNING card",
                    arguments: [device, seq])
                {
                    touched.insert(card)
                }
                if let card = try String.fetchOne(
                    db, sql: "DELETE FROM card_action WHERE device = ? AND seq = ? RETURNING card",
                    arguments: [device, seq])
                {
                    touched.insert(card)
                }
            }
            for key in touched { try refoldCard(key, db) }
            return added
        }
    }

    /// The devices that have events in the log: this one, the ones met through progress sync, and
    /// the ones brought by imports (an Anki package's history, say).
    public func devices() throws -> [String] {
        try read { db in
            // One index probe per device instead of a scan of the whole log.
            try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE d(device) AS (
                        SELECT min(device) FROM review_event
                        UNION ALL
                        SELECT (SELECT min(device) FROM review_event WHERE device > d.device) FROM d
                        WHERE d.device IS NOT NULL)
                    SELECT device FROM d WHERE device IS NOT NULL
                    UNION SELECT DISTINCT device FROM card_action ORDER BY 1
                    """)
        }
    }

    /// Every event of one device with `seq > after`, in seq order (for the progress log).
    public func events(ofDevice device: String, after seq: Int64 = 0) throws -> [ReviewEvent] {
        try read { db in
            try ReviewEventRecord.filter(Columns.device == device && Columns.seq > seq).order(Columns.seq)
                .fetchAll(db).compactMap(\.event)
        }
    }

    /// Every study action of one device with `seq > after`, in seq order (for the progress log).
    public func actions(ofDevice device: String, after seq: Int64 = 0) throws -> [CardAction] {
        try read { db in
            try CardActionRecord.filter(
                CardActionRecord.Columns.device == device && CardActionRecord.Columns.seq > seq
            ).order(CardActionRecord.Columns.seq).fetchAll(db).compactMap(\.action)
        }
    }

    /// A card's study actions in fold order.
    public func actions(of key: CardKey) throws -> [CardAction] {
        try read { db in try CardActionRecord.actions(of: key.description, db) }
    }

    /// A card's events in fold order.
    public func history(of key: CardKey) throws -> [ReviewEvent] {
        try read { db in try history(of: key.description, db) }
    }

    /// Recomputes every card's state from the event log; returns how many cards have a state.
    @discardableResult
    public func refoldAll() throws -> Int {
        try writeImmediate { db in
            // Cards left without any review (all undone, say) go back to new; the rest are set below.
            try db.execute(
                sql: """
                    UPDATE card SET ef100 = NULL, repetitions = NULL, interval = NULL, due = NULL, lapses = NULL,
                        last_review = NULL, first_review = NULL
                    WHERE due IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM review_event e WHERE e.card = card.key AND e.kind = 'review')
                    """)
            let update = try db.cachedStatement(sql: Self.updateStateSQL)
            // The hot loop of a full refold reads a million rows: step the statement directly and
            // compare card keys as bytes, making a String only when the card changes.
            let select = try db.makeStatement(
                sql: "SELECT card, day, grade FROM review_event WHERE kind = 'review' ORDER BY card, ts, device, seq")
            let raw = select.sqliteStatement
            var currentBytes: [UInt8] = []
            var current: String?
            var state: CardState?
            var first = 0
            var folded = 0
            func flush() throws {
                guard let key = current, let s = state else { return }
                try update.execute(arguments: Self.stateArguments(s, firstReview: first, key: key))
                folded += 1
            }
            while true {
                let code = sqlite3_step(raw)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                guard let text = sqlite3_column_text(raw, 0) else { continue }
                let length = Int(sqlite3_column_bytes(raw, 0))  // valid after column_text
                let day = StudyDay(ordinal: Int(sqlite3_column_int64(raw, 1)))
                guard let grade = Grade(rawValue: Int(sqlite3_column_int64(raw, 2))) else { continue }
                let sameCard =
                    length == currentBytes.count
                    && currentBytes.withUnsafeBufferPointer {
                        $0.baseAddress.map { memcmp($0, text, length) == 0 } ?? false
                    }
                if !sameCard {
                    try flush()
                    currentBytes = Array(UnsafeBufferPointer(start: text, count: length))
                    current = String(decoding: currentBytes, as: UTF8.self)
                    state = nil
                    first = day.ordinal
                }
                state = SM2.review(state, grade: grade, on: day)
            }
            try flush()
            // Study actions are few: the cards that have any are folded again in full, and the
            // others lose any action state left over.
            try db.execute(
                sql: """
                    UPDATE card SET suspended = 0, buried_until = NULL, leech = 0
                    WHERE (suspended = 1 OR buried_until IS NOT NULL OR leech = 1)
                        AND NOT EXISTS (SELECT 1 FROM card_action a WHERE a.card = card.key)
                    """)
            for key in try String.fetchAll(db, sql: "SELECT DISTINCT card FROM card_action") {
                let had = try Bool.fetchOne(db, sql: "SELECT due IS NOT NULL FROM card WHERE key = ?", arguments: [key])
                let now = try refoldCard(key, db) != nil
                if had == true && !now { folded -= 1 } else if had == false && now { folded += 1 }
            }
            return folded
        }
    }

    /// Cards whose stored state differs from the fold of their events (empty when consistent).
    public func inconsistentCards() throws -> [String] {
        try read { db in
            var bad: [String] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT key, ef100, repetitions, interval, due, lapses, last_review, suspended, buried_until, leech
                    FROM card
                    """)
            for row in rows {
                let key: String = row[0]
                var folded = CardFold.fold(
                    try history(of: key, db), actions: try CardActionRecord.actions(of: key, db))
                // The schedule, suspension and burial are checked; the first review day, as before, is not.
                folded.firstReview = nil
                let stored = CardStatus(
                    state: Self.state(row, offset: 1), suspended: row[7],
                    buriedUntil: (row[8] as Int?).map(StudyDay.init(ordinal:)), leech: row[9])
                if folded != stored { bad.append(key) }
            }
            return bad
        }
    }

    // MARK: - Shared pieces

    func writeImmediate<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StorageError.database(path: path, message: "transaction gave no result") }
                return result
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private typealias Columns = ReviewEventRecord.Columns

    private func insert(_ event: ReviewEvent, _ db: Database, orIgnore: Bool = false) throws {
        try ReviewEventRecord.insertStatement(db, orIgnore: orIgnore).execute(
            arguments: ReviewEventRecord.arguments(event))
    }

    private static let historySQL =
        "SELECT \(ReviewEventRecord.selection()) FROM review_event WHERE card = ? ORDER BY ts, device, seq"

    func history(of key: String, _ db: Database) throws -> [ReviewEvent] {
        try ReviewEventRecord.fetchAll(db.cachedStatement(sql: Self.historySQL), arguments: [key]).compactMap(\.event)
    }

    /// Folds one card's events into its stored state (NULL state when it has no review left).
    @discardableResult
    func refoldCard(_ key: String, _ db: Database) throws -> CardState? {
        try refoldStatus(key, db).state
    }

    /// Folds one card's grades and study actions (docs/EVENTS.md) into its stored status.
    func refoldStatus(_ key: String, _ db: Database) throws -> CardStatus {
        let status = CardFold.fold(try history(of: key, db), actions: try CardActionRecord.actions(of: key, db))
        try db.cachedStatement(sql: "UPDATE card SET suspended = ?, buried_until = ?, leech = ? WHERE key = ?")
            .execute(arguments: [status.suspended, status.buriedUntil?.ordinal, status.leech, key])
        if let state = status.state, let first = status.firstReview {
            try db.execute(
                sql: Self.updateStateSQL, arguments: Self.stateArguments(state, firstReview: first.ordinal, key: key))
        } else {
            try db.execute(
                sql: """
                    UPDATE card SET ef100 = NULL, repetitions = NULL, interval = NULL, due = NULL, lapses = NULL,
                        last_review = NULL, first_review = NULL WHERE key = ?
                    """, arguments: [key])
        }
        return status
    }

    static let updateStateSQL = """
        UPDATE card SET ef100 = ?, repetitions = ?, interval = ?, due = ?, lapses = ?, last_review = ?,
            first_review = ? WHERE key = ?
        """

    static func stateArguments(_ s: CardState, firstReview: Int, key: String) -> StatementArguments {
        [s.ef100, s.repetitions, s.interval, s.due.ordinal, s.lapses, s.lastReview.ordinal, firstReview, key]
    }

    /// Reads the six state columns starting at `offset`; nil for a new card.
    static func state(_ row: Row, offset: Int) -> CardState? {
        guard let ef: Int = row[offset], let due: Int = row[offset + 3] else { return nil }
        return CardState(
            ef100: ef, repetitions: row[offset + 1], interval: row[offset + 2], due: StudyDay(ordinal: due),
            lapses: row[offset + 4], lastReview: StudyDay(ordinal: row[offset + 5]))
    }
}

extension NotebookStore {
    /// Appends many events in one transaction without refolding (bulk loads such as a benchmark's
    /// generated history or a first progress import); call `refoldAll()` afterwards.
    /// Events already present (same device and seq) are skipped.
    public func appendEvents<S: Sequence>(_ events: S) throws -> Int where S.Element == ReviewEvent {
        try writeImmediate { db in
            var added = 0
            for event in events {
                try insert(event, db, orIgnore: true)
                added += db.changesCount
            }
            return added
        }
    }
}
