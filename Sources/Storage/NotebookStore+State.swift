import GRDB

/// The notebook's sync and exercise state, in typed tables (migration `v3-typed-state`).
extension NotebookStore {
    // MARK: - Deck sources

    /// The subscribed deck repositories, by name.
    public func sources() throws -> [SourceRecord] {
        try read { db in
            let pending = try Row.fetchAll(
                db, sql: "SELECT source, file FROM deck_source_pending_file ORDER BY source, file")
            var files: [String: [String]] = [:]
            for row in pending {
                files[try row.decode(String.self, forColumn: "source"), default: []].append(
                    try row.decode(forColumn: "file"))
            }
            return try Row.fetchAll(db, sql: "SELECT name, url, path, branch, imported FROM deck_source ORDER BY name")
                .map { row in
                    let name: String = try row.decode(forColumn: "name")
                    return SourceRecord(
                        name: name, url: try row.decode(forColumn: "url"), path: try row.decode(forColumn: "path"),
                        branch: try row.decode(forColumn: "branch"), imported: try row.decode(forColumn: "imported"),
                        pendingFiles: files[name] ?? [])
                }
        }
    }

    /// Adds the source, or replaces the one of the same name (with its pending files).
    public func saveSource(_ source: SourceRecord) throws {
        try write { db in try Self.insertSource(source, db) }
    }

    static func insertSource(_ source: SourceRecord, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO deck_source(name, url, path, branch, imported) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET url = excluded.url, path = excluded.path,
                    branch = excluded.branch, imported = excluded.imported
                """, arguments: [source.name, source.url, source.path, source.branch, source.imported])
        try db.execute(sql: "DELETE FROM deck_source_pending_file WHERE source = ?", arguments: [source.name])
        for file in Set(source.pendingFiles) {
            try db.execute(
                sql: "INSERT INTO deck_source_pending_file(source, file) VALUES (?, ?)", arguments: [source.name, file])
        }
    }

    /// Forgets the source `name` (and its pending files); nothing happens when there is none.
    public func deleteSource(named name: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM deck_source WHERE name = ?", arguments: [name]) }
    }

    // MARK: - Conflict copies

    /// Ids of conflict copies that hold this notebook's own version.
    public func localConflictCopies() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM local_conflict_copy")) }
    }

    public func addLocalConflictCopies(_ ids: some Sequence<String>) throws {
        try write { db in try Self.insertLocalCopies(ids, db) }
    }

    static func insertLocalCopies(_ ids: some Sequence<String>, _ db: Database) throws {
        for id in ids {
            try db.execute(
                sql: "INSERT INTO local_conflict_copy(id) VALUES (?) ON CONFLICT(id) DO NOTHING", arguments: [id])
        }
    }

    public func removeLocalConflictCopy(_ id: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM local_conflict_copy WHERE id = ?", arguments: [id]) }
    }

    // MARK: - Progress remote

    public func progressRemote() throws -> ProgressRemoteRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT url, branch, imported FROM progress_remote").map { row in
                ProgressRemoteRecord(
                    url: try row.decode(forColumn: "url"), branch: try row.decode(forColumn: "branch"),
                    imported: try row.decode(forColumn: "imported"))
            }
        }
    }

    public func setProgressRemote(_ remote: ProgressRemoteRecord) throws {
        try write { db in try Self.insertProgressRemote(remote, db) }
    }

    static func insertProgressRemote(_ remote: ProgressRemoteRecord, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO progress_remote(one, url, branch, imported) VALUES (1, ?, ?, ?)
                ON CONFLICT(one) DO UPDATE SET url = excluded.url, branch = excluded.branch, imported = excluded.imported
                """, arguments: [remote.url, remote.branch, remote.imported])
    }

    // MARK: - Exercise attempts

    public func logAttempt(_ attempt: ExerciseAttempt) throws {
        try write { db in try attempt.insert(db) }
    }

    /// The attempts at `card` (`deck/id`), oldest first.
    public func attempts(card: String) throws -> [ExerciseAttempt] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT card, day, time, language, verdict, passed, total FROM exercise_attempt
                    WHERE card = ? ORDER BY rowid
                    """, arguments: [card]
            ).map(ExerciseAttempt.init(row:))
        }
    }
}
